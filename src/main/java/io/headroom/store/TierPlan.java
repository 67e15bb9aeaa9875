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

    /**
     * Both tiers' rows: {@code columns} of {@code table}_1m's and {@code table}_1h's rows (alias
     * {@code r}) that match {@code rowCondition} and this plan, each row's bucket start last as
     * {@code t}. {@code rowCondition}'s parameters are bound twice, once per tier.
     */
    String union(String table, String columns, String rowCondition) {
        return """
                SELECT %2$s, r.minute AS t FROM %1$s_1m r WHERE %3$s AND %4$s
                UNION ALL
                SELECT %2$s, r.hour FROM %1$s_1h r WHERE %3$s AND %5$s""".formatted(table, columns, rowCondition,
                minuteCondition("r.minute"), hourCondition("r.hour"));
    }

    /**
     * The minute tier's part as a condition on {@code column}. Written out as constants rather than
     * bound: with bound arrays the planner cannot estimate the ranges and scans whole tables; these
     * are instants computed here, never text from a request.
     */
    String minuteCondition(String column) {
        if (minuteFrom.isEmpty()) {
            return "false";
        }
        var ranges = new ArrayList<String>();
        for (int i = 0; i < minuteFrom.size(); i++) {
            ranges.add("(%1$s >= TIMESTAMPTZ '%2$s' AND %1$s < TIMESTAMPTZ '%3$s')".formatted(column, minuteFrom.get(i), minuteTo.get(i)));
        }
        return "(" + String.join(" OR ", ranges) + ")";
    }

    /**
     * The hourly tier's part as a condition on {@code column}: ranges of consecutive hours, constants
     * as in {@link #minuteCondition}. (A list of hours, {@code = ANY(...)}, made the planner compare
     * every row of the table against every hour.)
     */
    String hourCondition(String column) {
        if (hours.isEmpty()) {
            return "false";
        }
        var ranges = new ArrayList<String>();
        Instant start = hours.get(0);
        for (int i = 1; i <= hours.size(); i++) {
            Instant previous = hours.get(i - 1);
            if (i == hours.size() || !hours.get(i).equals(previous.plusSeconds(HOUR_SECONDS))) {
                ranges.add("(%1$s >= TIMESTAMPTZ '%2$s' AND %1$s < TIMESTAMPTZ '%3$s')".formatted(column, start,
                        previous.plusSeconds(HOUR_SECONDS)));
                if (i < hours.size()) {
                    start = hours.get(i);
                }
            }
        }
        return "(" + String.join(" OR ", ranges) + ")";
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
