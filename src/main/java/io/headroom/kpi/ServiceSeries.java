package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's KPIs as time series on one shared axis, columnar as charts consume them.
 * {@code timestamps} are the start of each step in unix seconds; throughput is null for steps
 * before the service was first seen (unknown, not idle); a null value is a step without
 * requests (a gap, not a zero) for the latencies and error rate. {@code instances} is each step's
 * time-weighted mean count, null where none was recorded; {@code costPerHour} is that times the price.
 */
public record ServiceSeries(String service, Instant from, Instant to, Duration step, long[] timestamps,
        Double[] throughput, Double[] errorRate, Double[] p50Ms, Double[] p95Ms, Double[] p99Ms, Double[] instances,
        Double[] costPerHour) {
}
