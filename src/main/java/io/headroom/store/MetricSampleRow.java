package io.headroom.store;

/** One sample of a registered series; {@code histogramJson} carries exponential-histogram buckets. */
public record MetricSampleRow(String serviceName, long seriesId, long timeEpochNanos, double value, String histogramJson) {
}
