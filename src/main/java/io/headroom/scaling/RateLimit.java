package io.headroom.scaling;

import java.time.Duration;

/**
 * One of the HPA's scaling policies: change by at most {@code value} instances, or {@code value}
 * percent of the count at the start of the period, within each {@code period}.
 */
public record RateLimit(Kind kind, int value, Duration period) {

    public enum Kind {
        INSTANCES, PERCENT
    }

    public RateLimit {
        if (kind == null || value <= 0) {
            throw new IllegalArgumentException("a rate limit needs a kind (instances or percent) and a value above 0");
        }
        if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("a rate limit's period must be between 1s and 30m, was " + period);
        }
    }

    /** The most instances a scale-up may reach from {@code atPeriodStart}. */
    int upLimit(int atPeriodStart) {
        return kind == Kind.INSTANCES ? atPeriodStart + value : (int) Math.ceil(atPeriodStart * (1 + value / 100.0));
    }

    /** The fewest instances a scale-down may reach from {@code atPeriodStart}. */
    int downLimit(int atPeriodStart) {
        return kind == Kind.INSTANCES ? atPeriodStart - value : (int) Math.floor(atPeriodStart * (1 - value / 100.0));
    }

    public String describe() {
        return (kind == Kind.INSTANCES ? value + (value == 1 ? " instance" : " instances") : value + " %") + " per "
                + io.headroom.api.ApiParameters.durationText(period);
    }
}
