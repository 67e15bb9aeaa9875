package io.headroom.kpi;

import io.headroom.store.LatencyHistogram;

/**
 * The Apdex score of a set of requests for a target time T: satisfied (at most T) count fully,
 * tolerating (at most 4T) half, the rest and every failed request not at all. The rollups keep
 * how many requests failed but not how long those took, so failures are taken from the satisfied
 * first: the score is never flattered by a fast error.
 */
public final class Apdex {

    private Apdex() {
    }

    /** @return the score in [0, 1], or null without requests */
    public static Double score(LatencyHistogram latency, long errors, double thresholdMs) {
        long total = latency == null ? 0 : latency.count();
        if (total == 0) {
            return null;
        }
        long thresholdNanos = Math.round(thresholdMs * 1e6);
        long satisfied = latency.countAtMostNanos(thresholdNanos);
        long tolerating = latency.countAtMostNanos(4 * thresholdNanos) - satisfied;
        long failed = Math.min(errors, total);
        long satisfiedOk = Math.max(0, satisfied - failed);
        long toleratingOk = Math.max(0, tolerating - Math.max(0, failed - satisfied));
        return (satisfiedOk + toleratingOk / 2.0) / total;
    }
}
