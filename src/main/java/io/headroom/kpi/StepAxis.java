package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The time axis every series of a Service page shares: steps of whole minutes (rollups hold
 * minutes), or of whole hours once longer than one (so that each step is whole hours of the hourly
 * rollups), the first aligned to a multiple of the step so that refreshes and zooms land on the
 * same points.
 *
 * @param startSecond the first step's start, unix seconds
 */
record StepAxis(long startSecond, long stepSeconds, int points) {

    /** Prometheus refuses more points than this per series; so do we, for the same reason. */
    static final int MAX_POINTS = 11_000;

    /**
     * @param step rounded up to whole minutes, at least one; past an hour, to whole hours
     * @throws IllegalArgumentException when the range would have more than {@link #MAX_POINTS} steps
     */
    static StepAxis of(Instant from, Instant to, Duration step) {
        long stepSeconds = Math.max(60, (step.toSeconds() + 59) / 60 * 60);
        if (stepSeconds > 3_600) {
            stepSeconds = (stepSeconds + 3_599) / 3_600 * 3_600;
        }
        long start = Math.floorDiv(from.getEpochSecond(), stepSeconds) * stepSeconds;
        long end = to.getEpochSecond();
        long points = Math.max(1, (end - start + stepSeconds - 1) / stepSeconds);
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("%d points requested (range / step); at most %d are served"
                    .formatted(points, MAX_POINTS));
        }
        return new StepAxis(start, stepSeconds, (int) points);
    }

    Instant start() {
        return Instant.ofEpochSecond(startSecond);
    }

    Instant end() {
        return Instant.ofEpochSecond(startSecond + points * stepSeconds);
    }

    Duration step() {
        return Duration.ofSeconds(stepSeconds);
    }

    long stepStart(int i) {
        return startSecond + i * stepSeconds;
    }

    /** Each step's start in unix seconds. */
    long[] timestamps() {
        long[] timestamps = new long[points];
        for (int i = 0; i < points; i++) {
            timestamps[i] = stepStart(i);
        }
        return timestamps;
    }

    /** Where each step after the first starts: the rollups are summed on either side of these. */
    List<Instant> stepStarts() {
        var starts = new ArrayList<Instant>(points);
        for (int i = 1; i < points; i++) {
            starts.add(Instant.ofEpochSecond(stepStart(i)));
        }
        return starts;
    }

    /** The step holding an instant, or -1 when it is outside the axis. */
    int index(long epochMillis) {
        long i = Math.floorDiv(Math.floorDiv(epochMillis, 1000) - startSecond, stepSeconds);
        return i < 0 || i >= points ? -1 : (int) i;
    }
}
