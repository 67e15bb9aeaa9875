package io.headroom.alerting;

import java.time.Duration;

/**
 * How long a rule's condition must hold before its alert fires ({@code forDuration}, zero: at the
 * first evaluation that sees it), and how long the alert keeps firing after the condition stops
 * holding ({@code keepFiringFor}, zero: it resolves at the first evaluation that sees it clear),
 * as Prometheus's {@code for} and {@code keep_firing_for}.
 */
public record AlertTiming(Duration forDuration, Duration keepFiringFor) {

    public static final AlertTiming IMMEDIATE = new AlertTiming(Duration.ZERO, Duration.ZERO);

    public AlertTiming {
        if (forDuration.isNegative() || keepFiringFor.isNegative()) {
            throw new IllegalArgumentException("for and keep_firing_for must not be negative");
        }
    }
}
