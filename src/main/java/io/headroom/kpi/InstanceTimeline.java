package io.headroom.kpi;

import java.time.Instant;
import java.util.List;

import io.headroom.store.CapacityRecords.InstanceChange;

/**
 * A service's instance count over time as a step function: each change holds until the next.
 * Before the first change the count is unknown, and unknown time counts neither as instances
 * nor as time covered, so a service recorded for ten minutes of a 24-hour window is averaged
 * over those ten minutes, not diluted by the rest.
 */
public final class InstanceTimeline {

    private final long[] atMillis;
    private final int[] instances;

    /** @param changes in time order */
    public InstanceTimeline(List<InstanceChange> changes) {
        atMillis = new long[changes.size()];
        instances = new int[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            atMillis[i] = changes.get(i).at().toEpochMilli();
            instances[i] = changes.get(i).instances();
        }
    }

    public boolean isEmpty() {
        return atMillis.length == 0;
    }

    /** The count at {@code time}, or null before the first change. */
    public Integer at(Instant time) {
        long t = time.toEpochMilli();
        Integer count = null;
        for (int i = 0; i < atMillis.length && atMillis[i] <= t; i++) {
            count = instances[i];
        }
        return count;
    }

    /** The count throughout [from, to) when it is known and did not change in it; else null. */
    public Integer steadyCount(Instant from, Instant to) {
        Integer count = at(from);
        if (count == null) {
            return null;
        }
        long start = from.toEpochMilli();
        long end = to.toEpochMilli();
        for (int i = 0; i < atMillis.length; i++) {
            if (atMillis[i] > start && atMillis[i] < end && instances[i] != count) {
                return null;
            }
        }
        return count;
    }

    /** Instance-seconds run in [from, to). */
    public double instanceSeconds(Instant from, Instant to) {
        return integrate(from.toEpochMilli(), to.toEpochMilli(), true) / 1000.0;
    }

    /** Seconds of [from, to) whose count is known. */
    public double coveredSeconds(Instant from, Instant to) {
        return integrate(from.toEpochMilli(), to.toEpochMilli(), false) / 1000.0;
    }

    /** The time-weighted mean count over the known part of [from, to), or null if none of it is known. */
    public Double average(Instant from, Instant to) {
        double covered = coveredSeconds(from, to);
        return covered > 0 ? instanceSeconds(from, to) / covered : null;
    }

    private double integrate(long from, long to, boolean weighted) {
        double sum = 0;
        for (int i = 0; i < atMillis.length; i++) {
            long start = Math.max(from, atMillis[i]);
            long end = Math.min(to, i + 1 < atMillis.length ? atMillis[i + 1] : Long.MAX_VALUE);
            if (end > start) {
                sum += (double) (end - start) * (weighted ? instances[i] : 1);
            }
        }
        return sum;
    }
}
