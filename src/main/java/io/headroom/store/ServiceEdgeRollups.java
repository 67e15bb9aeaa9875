package io.headroom.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the calls between services up per minute ({@code service_edge_rollup_1m}) once a minute
 * has settled: a span whose parent belongs to another service is a call from the parent's
 * service to its own. A minute is first read {@code headroom.store.edge-settle} (default 2 min)
 * after it ended and read again by each run for {@value #REREAD_MINUTES} more minutes, its rows
 * replaced, so spans up to about seven minutes late are counted; later ones are not in the map
 * (they are in traces, KPIs and rollups as usual). One Headroom instance does it at a time (advisory lock);
 * at most {@value #MAX_SECONDS_PER_RUN} s of work per run, so catching up after an outage (or
 * over a store that had spans before this existed) goes in steps without holding a transaction long.
 */
@Component
public class ServiceEdgeRollups {

    /**
     * A call edge over a range.
     *
     * @param latency of the calls, merged
     * @param firstMinute the earliest minute of the range with calls on this edge
     */
    public record Edge(String caller, String callee, long calls, long errors, LatencyHistogram latency, Instant firstMinute) {
    }

    private static final Logger log = LoggerFactory.getLogger(ServiceEdgeRollups.class);
    private static final long LOCK = 0x4845_4144_0003L;
    private static final int MAX_SECONDS_PER_RUN = 5;
    private static final int REREAD_MINUTES = 5;
    /**
     * How long before a call its caller's span may have started and still be found. Shorter than
     * trace assembly's hour: the parents are read by a scan of that window for every minute rolled
     * up, and a call made more than ten minutes into its caller's span is rare.
     */
    private static final Duration PARENT_LEAD = Duration.ofMinutes(10);
    private static final String CALLS = """
            SELECT p.service_name, c.service_name, c.status_code = 2,
                   CASE WHEN p.kind = 3 THEN p.duration_ns ELSE c.duration_ns END
            FROM spans c JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
            WHERE c.start_time >= ? AND c.start_time < ? AND c.parent_span_id IS NOT NULL
              AND p.start_time >= ? AND p.start_time < ? AND p.service_name <> c.service_name""";

    private record Key(String caller, String callee) {
    }

    private static final class Cell {
        long calls;
        long errors;
        final LatencyHistogram latency = new LatencyHistogram();
        Instant firstMinute;
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration settle;

    ServiceEdgeRollups(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${headroom.store.edge-settle:2m}") Duration settle) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.settle = settle;
    }

    /** Rolls up the settled minutes not yet done. @return how many minutes were rolled up */
    @Scheduled(initialDelayString = "${headroom.store.edge-interval:20s}", fixedDelayString = "${headroom.store.edge-interval:20s}")
    public int rollUp() {
        Integer done = transactions.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return 0;
            }
            Instant settled = clock.instant().minus(settle).truncatedTo(ChronoUnit.MINUTES);
            Instant from = jdbc.sql("SELECT done_until FROM service_edge_progress").query(Timestamp.class).optional()
                    .map(Timestamp::toInstant).map(doneUntil -> doneUntil.minus(Duration.ofMinutes(REREAD_MINUTES))).orElse(null);
            if (from == null) {
                // A new store starts from the first minute with spans, or now when it has none.
                from = jdbc.sql("SELECT min(start_time) FROM spans").query(Timestamp.class).optional().map(Timestamp::toInstant)
                        .map(first -> first.truncatedTo(ChronoUnit.MINUTES)).orElse(settled);
            }
            int minutes = 0;
            Instant minute = from;
            long deadline = System.nanoTime() + MAX_SECONDS_PER_RUN * 1_000_000_000L;
            var hours = new java.util.TreeSet<Instant>();
            for (; minute.isBefore(settled) && System.nanoTime() - deadline < 0; minute = minute.plus(Duration.ofMinutes(1)), minutes++) {
                rollUp(minute);
                hours.add(minute.truncatedTo(ChronoUnit.HOURS));
            }
            jdbc.sql("""
                    INSERT INTO service_edge_progress (singleton, done_until) VALUES (true, ?)
                    ON CONFLICT (singleton) DO UPDATE SET done_until = excluded.done_until""")
                    .param(Timestamp.from(minute.isAfter(from) ? minute : from)).update();
            sumHours(hours, minute);
            return minutes;
        });
        return done == null ? 0 : done;
    }

    private void rollUp(Instant minute) {
        Instant end = minute.plus(Duration.ofMinutes(1));
        var cells = new HashMap<Key, Cell>();
        jdbc.sql(CALLS)
                .param(Timestamp.from(minute)).param(Timestamp.from(end))
                .param(Timestamp.from(minute.minus(PARENT_LEAD))).param(Timestamp.from(end))
                .query(row -> {
                    Cell cell = cells.computeIfAbsent(new Key(row.getString(1), row.getString(2)), key -> new Cell());
                    cell.calls++;
                    cell.errors += row.getBoolean(3) ? 1 : 0;
                    cell.latency.recordNanos(row.getLong(4));
                });
        cells.forEach((key, cell) -> jdbc.sql("""
                        INSERT INTO service_edge_rollup_1m (minute, caller, callee, call_count, error_count, latency_histogram)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (minute, caller, callee) DO UPDATE SET call_count = excluded.call_count,
                            error_count = excluded.error_count, latency_histogram = excluded.latency_histogram""")
                .params(Timestamp.from(minute), key.caller(), key.callee(), cell.calls, cell.errors, cell.latency.encode()).update());
        if (!cells.isEmpty()) {
            log.debug("Rolled up {} service edges for {}", cells.size(), minute);
        }
    }

    /**
     * Sums every hour whose minutes are all rolled up ({@code rolledUntil}) and not summed yet, and
     * sums again those of {@code touched} (re-read minutes may have changed them).
     */
    private void sumHours(java.util.Set<Instant> touched, Instant rolledUntil) {
        Instant until = jdbc.sql("SELECT hours_until FROM service_edge_progress").query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        if (until == null) {
            until = jdbc.sql("SELECT min(minute) FROM service_edge_rollup_1m").query(Timestamp.class).optional()
                    .map(first -> first.toInstant().truncatedTo(ChronoUnit.HOURS)).orElse(rolledUntil.truncatedTo(ChronoUnit.HOURS));
        }
        for (Instant hour : touched) {
            if (hour.isBefore(until)) {
                sumHour(hour);
            }
        }
        for (; !until.plus(Duration.ofHours(1)).isAfter(rolledUntil); until = until.plus(Duration.ofHours(1))) {
            sumHour(until);
        }
        jdbc.sql("UPDATE service_edge_progress SET hours_until = ?").param(Timestamp.from(until)).update();
    }

    /** Replaces the hour's row for each edge with the sum of its minute rows. */
    private void sumHour(Instant hour) {
        Map<Key, Cell> merged = new HashMap<>();
        read("service_edge_rollup_1m", "minute", hour, hour.plus(Duration.ofHours(1)), merged);
        jdbc.sql("DELETE FROM service_edge_rollup_1h WHERE hour = ?").param(Timestamp.from(hour)).update();
        merged.forEach((key, cell) -> jdbc.sql("""
                        INSERT INTO service_edge_rollup_1h (hour, caller, callee, call_count, error_count, latency_histogram)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(hour), key.caller(), key.callee(), cell.calls, cell.errors, cell.latency.encode()).update());
    }

    /**
     * The calls between services in the whole minutes of [from, to), merged per edge: whole hours
     * that are fully rolled up from the hourly rows, the rest from the minutes.
     */
    public List<Edge> edges(Instant from, Instant to) {
        Map<Key, Cell> merged = new HashMap<>();
        Instant hoursUntil = jdbc.sql("SELECT hours_until FROM service_edge_progress").query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        Instant firstHour = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from : from.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant hoursEnd = hoursUntil == null ? firstHour : (hoursUntil.isAfter(to) ? to : hoursUntil).truncatedTo(ChronoUnit.HOURS);
        if (firstHour.isBefore(hoursEnd)) {
            read("service_edge_rollup_1m", "minute", from, firstHour, merged);
            read("service_edge_rollup_1h", "hour", firstHour, hoursEnd, merged);
            read("service_edge_rollup_1m", "minute", hoursEnd, to, merged);
        } else {
            read("service_edge_rollup_1m", "minute", from, to, merged);
        }
        var edges = new ArrayList<Edge>();
        merged.forEach((key, cell) -> edges.add(new Edge(key.caller(), key.callee(), cell.calls, cell.errors, cell.latency,
                cell.firstMinute)));
        edges.sort(java.util.Comparator.comparing(Edge::caller).thenComparing(Edge::callee));
        return edges;
    }

    /** Adds the rows of {@code table} whose {@code timeColumn} is in [from, to) to {@code merged}. */
    private void read(String table, String timeColumn, Instant from, Instant to, Map<Key, Cell> merged) {
        if (!from.isBefore(to)) {
            return;
        }
        // Constant bounds, not bound ones: a generic plan would not prune or weigh the range.
        jdbc.sql("""
                SELECT caller, callee, call_count, error_count, latency_histogram, %2$s FROM %1$s
                WHERE %2$s >= TIMESTAMPTZ '%3$s' AND %2$s < TIMESTAMPTZ '%4$s'""".formatted(table, timeColumn, from, to))
                .query(row -> {
                    Cell cell = merged.computeIfAbsent(new Key(row.getString(1), row.getString(2)), key -> new Cell());
                    cell.calls += row.getLong(3);
                    cell.errors += row.getLong(4);
                    cell.latency.mergeEncoded(row.getBytes(5));
                    Instant minute = row.getTimestamp(6).toInstant();
                    cell.firstMinute = cell.firstMinute == null || minute.isBefore(cell.firstMinute) ? minute : cell.firstMinute;
                });
    }

    /** The first minute not yet rolled up, or null before the first run. */
    public Instant doneUntil() {
        return jdbc.sql("SELECT done_until FROM service_edge_progress").query(Timestamp.class).optional().map(Timestamp::toInstant)
                .orElse(null);
    }
}
