package io.headroom.chaos;

import java.util.ArrayList;
import java.util.List;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Undoes a run's faults. Its own bean so that every rollback, whether an operator's abort or the
 * experiment's own guard asks for it, passes authorisation and lands in the audit log.
 */
@Component
public class RunRollback {

    private final Chaos chaos;
    private final RunRecords runs;
    private final java.time.Clock clock;

    RunRollback(Chaos chaos, RunRecords runs, java.time.Clock clock) {
        this.chaos = chaos;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * Stops every fault of the run, each even when another could not be stopped, and records what happened.
     *
     * @param service the run's, for the audit entry
     * @throws java.util.NoSuchElementException for an unknown run
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.experiment-rollback")
    public void rollback(long run, String service, List<String> faultIds) {
        if (runs.find(run).isEmpty()) {
            throw new java.util.NoSuchElementException("no run with id " + run);
        }
        var stopped = new ArrayList<String>();
        var failed = new ArrayList<String>();
        for (String id : faultIds) {
            try {
                stopped.add(chaos.stop(id).spec().describe());
            } catch (RuntimeException e) {
                failed.add(id + ": " + e.getMessage());
            }
        }
        String message = faultIds.isEmpty() ? "nothing was injected"
                : (stopped.isEmpty() ? "" : "stopped " + String.join(", ", stopped))
                        + (failed.isEmpty() ? "" : (stopped.isEmpty() ? "" : "; ") + "could not stop " + String.join(", ", failed));
        runs.event(run, new RunEvent(clock.instant(), RunEvent.Kind.ROLLBACK, message, null));
    }
}
