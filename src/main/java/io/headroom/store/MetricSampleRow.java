package io.headroom.store;

/**
 * One sample of a registered series; {@code histogramJson} carries exponential-histogram buckets.
 * A stale sample is Prometheus's marker that the series ended at this time: it is stored
 * without a value.
 */
public record MetricSampleRow(String serviceName, long seriesId, long timeEpochNanos, double value, String histogramJson,
        boolean stale) {

    public MetricSampleRow(String serviceName, long seriesId, long timeEpochNanos, double value, String histogramJson) {
        this(serviceName, seriesId, timeEpochNanos, value, histogramJson, false);
    }
}
