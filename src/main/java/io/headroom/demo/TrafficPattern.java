package io.headroom.demo;

import java.time.Duration;

/**
 * How the demo's request rate moves around its base rate: a day compressed into
 * {@code dayLength} (one sine period: starting at the base rate, busiest a quarter of the way
 * in, quietest at three quarters) and bursts that multiply the rate for {@code burstLength},
 * arriving at random {@code burstsPerHour} times an hour on average.
 *
 * @param dailyAmplitude 0 is a flat day; 0.5 swings between half and one and a half times the base rate
 */
public record TrafficPattern(Duration dayLength, double dailyAmplitude, double burstsPerHour, double burstFactor,
        Duration burstLength) {

    public static final TrafficPattern FLAT = new TrafficPattern(Duration.ofMinutes(10), 0, 0, 1, Duration.ofSeconds(20));

    public TrafficPattern {
        if (dayLength.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("headroom.demo.pattern.day-length must be at least 1m, was " + dayLength);
        }
        if (dailyAmplitude < 0 || dailyAmplitude > 1) {
            throw new IllegalArgumentException("headroom.demo.pattern.daily-amplitude must be between 0 and 1, was " + dailyAmplitude);
        }
        if (burstsPerHour < 0 || burstFactor < 1 || burstLength.isNegative()) {
            throw new IllegalArgumentException("headroom.demo.pattern: bursts-per-hour must not be negative, burst-factor "
                    + "must be at least 1 and burst-length must not be negative");
        }
    }

    /** The daily curve's multiplier of the base rate at {@code elapsed} since the fleet started. */
    double daily(Duration elapsed) {
        double phase = (double) elapsed.toMillis() / dayLength.toMillis();
        return 1 + dailyAmplitude * Math.sin(2 * Math.PI * phase);
    }

    /** The chance that a burst starts within {@code tick}, for Poisson arrivals at {@code burstsPerHour}. */
    double burstChance(Duration tick) {
        return 1 - Math.exp(-burstsPerHour * tick.toMillis() / 3_600_000.0);
    }
}
