package io.headroom.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which rollup tier answers which part of a range: the hourly tier for every whole hour inside
 * it (since the tier is complete), the minute tier for the rest. An hour that holds one of the
 * {@code boundaries} a caller splits the range at is read in minutes, so that no hour row
 * straddles a boundary and every sum stays exact.
 *
 * @param hours the starts of the hours read from the hourly tier, ascending
 * @param minuteFrom the starts of the ranges read from the minute tier, ascending
 * @param minuteTo their ends, at the same indexes
 */
record TierPlan(List<Instant> hours, List<Instant> minuteFrom, List<Instant> minuteTo) {

    private static final long HOUR_SECONDS = 3_600;

    /**
     * @param hourlyFrom the first hour the hourly tier holds completely
     * @param boundaries instants in [from, to) the caller sums on either side of
     */
    static TierPlan of(Instant from, Instant to, Instant hourlyFrom, Collection<Instant> boundaries) {
        long firstHour = ceilHour(Math.max(from.getEpochSecond(), hourlyFrom.getEpochSecond()));
        long endHour = Math.floorDiv(to.getEpochSecond(), HOUR_SECONDS) * HOUR_SECONDS;
        var hours = new ArrayList<Instant>();
        var minuteFrom = new ArrayList<Instant>();
        var minuteTo = new ArrayList<Instant>();
        Instant minutesSince = from;
        for (long hour = firstHour; hour + HOUR_SECONDS <= endHour; hour += HOUR_SECONDS) {
            if (holdsBoundary(hour, boundaries)) {
                continue;
            }
            Instant start = Instant.ofEpochSecond(hour);
            if (minutesSince.isBefore(start)) {
                minuteFrom.add(minutesSince);
                minuteTo.add(start);
            }
            hours.add(start);
            minutesSince = start.plusSeconds(HOUR_SECONDS);
        }
        if (minutesSince.isBefore(to)) {
            minuteFrom.add(minutesSince);
            minuteTo.add(to);
        }
        return new TierPlan(List.copyOf(hours), List.copyOf(minuteFrom), List.copyOf(minuteTo));
    }

    /** Epoch seconds, as the queries bind them ({@code to_timestamp(unnest(?::int8[]))}). */
    static long[] seconds(List<Instant> instants) {
        return instants.stream().mapToLong(Instant::getEpochSecond).toArray();
    }

    private static boolean holdsBoundary(long hour, Collection<Instant> boundaries) {
        for (Instant boundary : boundaries) {
            long second = boundary.getEpochSecond();
            // A boundary on the hour's own start splits nothing inside it.
            if (second > hour && second < hour + HOUR_SECONDS) {
                return true;
            }
        }
        return false;
    }

    private static long ceilHour(long epochSecond) {
        return Math.floorDiv(epochSecond + HOUR_SECONDS - 1, HOUR_SECONDS) * HOUR_SECONDS;
    }
}
