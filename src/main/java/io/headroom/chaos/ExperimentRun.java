package io.headroom.chaos;

import java.time.Instant;
import java.util.List;

/**
 * One run of an experiment, with the definition as it was when the run started.
 *
 * @param breachedAt when a check first saw the steady state broken; null while it held
 * @param hypothesisHeld set when the run is over and checked after: no breach before, during or after
 * @param verifyAfter when the steady state is checked again after the rollback; null until rolled back
 * @param recovered whether it held then; null until checked
 */
public record ExperimentRun(long id, Long experimentId, Experiment definition, String startedBy, Instant startedAt, RunStatus status,
        List<String> faultIds, Instant breachedAt, Instant endedAt, String endReason, Boolean hypothesisHeld, Instant verifyAfter,
        Boolean recovered) {

    public String service() {
        return definition.service();
    }

    public String name() {
        return definition.name();
    }

    /** The run is over and checked after: its report is final. */
    public boolean finished() {
        return status == RunStatus.REFUSED || (status != RunStatus.RUNNING && recovered != null);
    }

    /** For people: "aborted; the hypothesis did not hold, recovered". */
    public String outcome() {
        String word = switch (status) {
            case RUNNING -> "running";
            case COMPLETED -> "completed";
            case ABORTED -> "aborted";
            case REFUSED -> "refused";
        };
        if (status == RunStatus.REFUSED || status == RunStatus.RUNNING) {
            return word;
        }
        String hypothesis = hypothesisHeld == null ? "hypothesis not yet checked after the rollback"
                : hypothesisHeld ? "the hypothesis held" : "the hypothesis did not hold";
        String recovery = recovered == null ? "" : recovered ? ", recovered" : ", not recovered when checked";
        return word + "; " + hypothesis + recovery;
    }
}
