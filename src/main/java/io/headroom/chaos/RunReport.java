package io.headroom.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a run did and what it did to the service: the timeline, KPIs before, during and after
 * the faults, the alerts that fired and how long after the start (time to detect), the
 * autoscaler's reactions, and the cost of the capacity run meanwhile.
 *
 * @param detectedAfter from the start to the first check that saw the steady state broken; null if none did
 * @param extraCost what the instances run during the faults cost beyond running the count from before for as long; null without a price
 */
public record RunReport(ExperimentRun run, List<RunEvent> timeline, KpiWindow before, KpiWindow during, KpiWindow after,
        Duration detectedAfter, List<AlertFired> alerts, List<ScalingReaction> scaling, Double extraCost) {

    /** The service's KPIs over one part of the run; figures null where nothing was measured. */
    public record KpiWindow(Instant from, Instant to, long requests, Double throughput, Double errorRate, Double p50Ms, Double p99Ms,
            Integer instances, Double costPerHour) {
    }

    /** An alert on the service that fired while the run's faults ran or it recovered. */
    public record AlertFired(String name, String severity, Instant firedAt, Duration afterStart, String fingerprint) {
    }

    /** A change the autoscaler decided while the run went on (or would have, held because a fault ran). */
    public record ScalingReaction(Instant at, int from, int to, boolean applied, String heldBy, String explanation) {
    }
}
