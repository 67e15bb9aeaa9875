package io.headroom.kpi;

/**
 * A service's objectives: {@code availabilityTarget} of its requests succeed, and/or
 * {@code latencyTarget} of them take at most {@code latencyThresholdMs}, over a rolling window
 * of {@code windowDays}. Either objective may be absent, not both.
 */
public record Slo(String service, Double availabilityTarget, Double latencyTarget, Double latencyThresholdMs, int windowDays) {

    public static final int DEFAULT_WINDOW_DAYS = 30;

    /** @throws IllegalArgumentException naming the field that is wrong and why */
    public Slo {
        if (availabilityTarget == null && latencyTarget == null) {
            throw new IllegalArgumentException("set availabilityTarget, latencyTarget or both");
        }
        requireTarget("availabilityTarget", availabilityTarget);
        requireTarget("latencyTarget", latencyTarget);
        if ((latencyTarget == null) != (latencyThresholdMs == null)) {
            throw new IllegalArgumentException("latencyTarget and latencyThresholdMs go together: a share of requests under a threshold");
        }
        if (latencyThresholdMs != null && !(latencyThresholdMs > 0 && latencyThresholdMs <= 3_600_000)) {
            throw new IllegalArgumentException("latencyThresholdMs must be above 0 and at most 3600000 (an hour), was " + latencyThresholdMs);
        }
        if (windowDays < 1 || windowDays > 90) {
            throw new IllegalArgumentException("windowDays must be between 1 and 90, was " + windowDays);
        }
    }

    private static void requireTarget(String name, Double target) {
        if (target != null && !(target > 0 && target < 1)) {
            throw new IllegalArgumentException(name + " must be a fraction above 0 and below 1 (0.999 for 99.9 %), was " + target);
        }
    }
}
