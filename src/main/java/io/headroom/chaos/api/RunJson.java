package io.headroom.chaos.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.headroom.chaos.ExperimentJson;
import io.headroom.chaos.ExperimentRun;
import io.headroom.chaos.RunEvent;

/** A run as the API shows it; {@code timeline} only where one run is asked for. */
record RunJson(long id, Long experimentId, String name, String service, String status, String startedBy, Instant startedAt,
        Instant endedAt, String endReason, Instant breachedAt, Boolean hypothesisHeld, Instant verifyAfter, Boolean recovered,
        List<String> faultIds, ExperimentJson definition, List<EventJson> timeline) {

    record EventJson(Instant at, String kind, String message, java.util.Map<String, Double> kpis) {

        static EventJson of(RunEvent event) {
            return new EventJson(event.at(), event.kind().name().toLowerCase(Locale.ROOT), event.message(), event.kpis());
        }
    }

    static RunJson of(ExperimentRun run, List<RunEvent> timeline) {
        return new RunJson(run.id(), run.experimentId(), run.name(), run.service(), run.status().name(), run.startedBy(),
                run.startedAt(), run.endedAt(), run.endReason(), run.breachedAt(), run.hypothesisHeld(), run.verifyAfter(),
                run.recovered(), run.faultIds(), ExperimentJson.of(run.definition()),
                timeline == null ? null : timeline.stream().map(EventJson::of).toList());
    }
}
