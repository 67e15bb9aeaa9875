package io.headroom.scaling;

import java.time.Duration;
import java.util.List;

/**
 * How one direction of scaling is damped, as the HPA's {@code behavior.scaleUp}/{@code scaleDown}:
 * the stabilisation window (scale down to the highest recommendation within it, up to the
 * lowest) and rate limits, of which the most permissive applies.
 */
public record ScalingBehavior(Duration stabilizationWindow, List<RateLimit> limits) {

    /** The HPA's default scale-up: at once, by at most 100 % or 4 instances (whichever is more) per 15 s. */
    public static final ScalingBehavior DEFAULT_UP = new ScalingBehavior(Duration.ZERO, List.of(
            new RateLimit(RateLimit.Kind.PERCENT, 100, Duration.ofSeconds(15)),
            new RateLimit(RateLimit.Kind.INSTANCES, 4, Duration.ofSeconds(15))));
    /** The HPA's default scale-down: the highest recommendation of the last 300 s, by at most 100 % per 15 s. */
    public static final ScalingBehavior DEFAULT_DOWN = new ScalingBehavior(Duration.ofSeconds(300), List.of(
            new RateLimit(RateLimit.Kind.PERCENT, 100, Duration.ofSeconds(15))));

    public ScalingBehavior {
        if (stabilizationWindow == null || stabilizationWindow.isNegative() || stabilizationWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("a stabilisation window must be between 0s and 1h, was " + stabilizationWindow);
        }
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    /** The longest rate-limit period: how far back scale events count. */
    Duration longestPeriod() {
        return limits.stream().map(RateLimit::period).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
