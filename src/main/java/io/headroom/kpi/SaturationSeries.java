package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How full a service is, per step on the same axis as {@link ServiceSeries}, from the metrics its
 * instances report ({@link SaturationMetrics}). A null value is a step without samples of that
 * metric; a metric the service does not report is null throughout.
 *
 * @param workerUtilisation mean across instances of the share of workers busy, 0 to 1
 * @param inFlight requests admitted and not yet answered, summed over instances
 * @param queued requests waiting for a worker, summed over instances
 * @param cpuCores CPU seconds per second, summed over instances
 * @param instancesUp instances answering, time-weighted (1.5: one of two was down half the step)
 * @param metrics each of those fields that had samples, with the metric names they came from
 */
public record SaturationSeries(String service, Instant from, Instant to, Duration step, long[] timestamps,
        Double[] workerUtilisation, Double[] inFlight, Double[] queued, Double[] cpuCores, Double[] instancesUp,
        Map<String, String> metrics) {
}
