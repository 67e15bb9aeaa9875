package io.headroom.kpi;

import java.time.Instant;
import java.util.Map;

/**
 * Every service's throughput and p99 over a range in a few dozen steps: the sparklines of the
 * Overview. A null value is a step without requests (or not yet begun).
 *
 * @param timestamps each step's start, epoch seconds
 */
public record ServiceTrends(Instant from, Instant to, long stepSeconds, long[] timestamps, Map<String, Trend> services) {

    public record Trend(Double[] throughput, Double[] p99Ms) {
    }
}
