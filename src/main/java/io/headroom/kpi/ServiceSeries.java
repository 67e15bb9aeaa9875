package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's KPIs as time series on one shared axis, columnar as charts consume them.
 * {@code timestamps} are the start of each step in unix seconds; a null value is a step without
 * requests (a gap, not a zero) for the latencies and error rate.
 */
public record ServiceSeries(String service, Instant from, Instant to, Duration step, long[] timestamps,
        double[] throughput, Double[] errorRate, Double[] p50Ms, Double[] p95Ms, Double[] p99Ms) {
}
