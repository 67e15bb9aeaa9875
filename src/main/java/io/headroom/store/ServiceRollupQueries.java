package io.headroom.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the per-service minute rollups and the service registry; the KPI module computes from these. */
@Component
public class ServiceRollupQueries {

    /** A service Headroom has received telemetry from. */
    public record KnownService(String name, Instant firstSeen, Instant lastSeen) {
    }

    /** The entry spans of one service in one minute. */
    public record MinuteRollup(Instant minute, long requests, long errors, long durationSumNanos, LatencyHistogram latency) {
    }

    /**
     * The entry spans of one service over a whole window.
     *
     * @param transactions requests without a parent span: each started a trace here
     * @param firstMinute the earliest minute in the window with requests, or null when none
     */
    public record WindowRollup(String service, long requests, long errors, long transactions, long durationSumNanos,
            LatencyHistogram latency, Instant firstMinute) {
    }

    /**
     * The spans of one operation of a service, of one kind, over a window.
     *
     * @param kind the OTLP span kind number (0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer)
     */
    public record OperationRollup(String operation, int kind, long spans, long errors, long durationSumNanos, LatencyHistogram latency) {
    }

    /**
     * The entry spans of one service in one bucket of the tiered rollups: a minute, or a whole
     * hour read from the hourly tier.
     */
    public record RollupBucket(Instant start, long requests, long errors, LatencyHistogram latency) {
    }

    private record OperationKey(String operation, int kind) {
    }

    private final JdbcClient jdbc;
    private volatile Instant hourlyFrom;

    ServiceRollupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the hourly tier starts being complete; fixed when the tier was created, so read once. */
    private Instant hourlyFrom() {
        Instant known = hourlyFrom;
        if (known == null) {
            known = jdbc.sql("SELECT complete_from FROM rollup_tiers WHERE tier = '1h'").query(Timestamp.class).single().toInstant();
            hourlyFrom = known;
        }
        return known;
    }

    private TierPlan plan(Instant from, Instant to, java.util.Collection<Instant> boundaries) {
        return TierPlan.of(from, to, hourlyFrom(), boundaries);
    }

    /**
     * The service's rollups in [from, to) that have requests, in time order: whole hours from the
     * hourly tier, except an hour holding one of {@code boundaries} (read in minutes, so a caller
     * summing on either side of a boundary sums exactly), minutes for the rest.
     */
    public List<RollupBucket> buckets(String service, Instant from, Instant to, java.util.Collection<Instant> boundaries) {
        TierPlan plan = plan(from, to, boundaries);
        var buckets = new java.util.ArrayList<>(jdbc.sql(plan.union("service_rollup", "r.request_count, r.error_count, r.latency_histogram",
                        "r.service_name = ?"))
                .param(service).param(service)
                .query((row, i) -> new RollupBucket(row.getTimestamp(4).toInstant(), row.getLong(1), row.getLong(2),
                        LatencyHistogram.decode(row.getBytes(3))))
                .list());
        // Sorted here: PostgreSQL would sort the histograms too, spilling to disk past work_mem.
        buckets.sort(java.util.Comparator.comparing(RollupBucket::start));
        return buckets;
    }

    /**
     * What an SLO needs of one bucket of the tiered rollups.
     *
     * @param fastEnough requests that took at most the latency threshold (0 when none was asked for)
     */
    public record SloBucket(Instant start, long requests, long errors, long fastEnough) {
    }

    /**
     * {@link #buckets} reduced to counts as they are read: no histogram is kept, and none is read
     * at all when {@code thresholdNanos} is null (an availability objective alone).
     */
    public List<SloBucket> sloBuckets(String service, Instant from, Instant to, java.util.Collection<Instant> boundaries,
            Long thresholdNanos) {
        TierPlan plan = plan(from, to, boundaries);
        String histogram = thresholdNanos == null ? "NULL::bytea" : "r.latency_histogram";
        var buckets = new java.util.ArrayList<>(jdbc.sql(plan.union("service_rollup", "r.request_count, r.error_count, " + histogram,
                        "r.service_name = ?"))
                .param(service).param(service)
                .query((row, i) -> new SloBucket(row.getTimestamp(4).toInstant(), row.getLong(1), row.getLong(2),
                        thresholdNanos == null ? 0 : LatencyHistogram.countAtMostNanos(row.getBytes(3), thresholdNanos)))
                .list());
        buckets.sort(java.util.Comparator.comparing(SloBucket::start));
        return buckets;
    }

    private String[] serviceNames() {
        return jdbc.sql("SELECT service_name FROM services").query(String.class).list().toArray(String[]::new);
    }

    public List<KnownService> services() {
        return jdbc.sql("SELECT service_name, first_seen, last_seen FROM services ORDER BY service_name")
                .query((row, i) -> new KnownService(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant()))
                .list();
    }

    public Optional<KnownService> service(String name) {
        return jdbc.sql("SELECT service_name, first_seen, last_seen FROM services WHERE service_name = ?")
                .param(name)
                .query((row, i) -> new KnownService(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Minutes in [from, to) that have requests, in time order. */
    public List<MinuteRollup> minutes(String service, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT minute, request_count, error_count, duration_sum_ns, latency_histogram
                FROM service_rollup_1m
                WHERE service_name = ? AND minute >= ? AND minute < ?
                ORDER BY minute""")
                .param(service).param(Timestamp.from(from)).param(Timestamp.from(to))
                .query((row, i) -> new MinuteRollup(row.getTimestamp(1).toInstant(), row.getLong(2), row.getLong(3),
                        row.getLong(4), LatencyHistogram.decode(row.getBytes(5))))
                .list();
    }

    /** One service's rollups in [from, to) merged into one. */
    public WindowRollup window(String service, Instant from, Instant to) {
        return windows(new String[] {service}, from, to).stream().findFirst()
                .orElseGet(() -> new WindowRollup(service, 0, 0, 0, 0, new LatencyHistogram(), null));
    }

    /** Every service's rollups in [from, to) merged into one; services without requests are absent. */
    public List<WindowRollup> windows(Instant from, Instant to) {
        return windows(serviceNames(), from, to);
    }

    private List<WindowRollup> windows(String[] names, Instant from, Instant to) {
        var merged = new TreeMap<String, RollupCell>();
        var firsts = new java.util.HashMap<String, Instant>();
        TierPlan plan = plan(from, to, List.of());
        jdbc.sql(plan.union("service_rollup", "r.service_name, r.request_count, r.error_count, r.duration_sum_ns, r.latency_histogram, "
                        + "r.root_count", "r.service_name = ANY(?)"))
                .param(names).param(names)
                .query(row -> {
                    String service = row.getString(1);
                    RollupCell cell = merged.computeIfAbsent(service, name -> new RollupCell());
                    cell.count += row.getLong(2);
                    cell.errors += row.getLong(3);
                    cell.durationSumNanos += row.getLong(4);
                    cell.histogram.mergeEncoded(row.getBytes(5));
                    cell.roots += row.getLong(6);
                    firsts.merge(service, row.getTimestamp(7).toInstant(), ServiceRollupQueries::earliest);
                });
        return merged.entrySet().stream()
                .map(entry -> new WindowRollup(entry.getKey(), entry.getValue().count, entry.getValue().errors, entry.getValue().roots,
                        entry.getValue().durationSumNanos, entry.getValue().histogram, firsts.get(entry.getKey())))
                .toList();
    }

    /**
     * A service's requests and their latency per step.
     *
     * @param latency null for a step without requests
     */
    public record StepRollups(long[] requests, LatencyHistogram[] latency) {
    }

    /**
     * Every service's requests and latency in [from, to) per step of {@code stepSeconds}, the first
     * step starting at {@code from}; services without requests in the range are absent.
     */
    public java.util.Map<String, StepRollups> perStep(Instant from, Instant to, long stepSeconds) {
        int steps = (int) Math.max(1, (to.getEpochSecond() - from.getEpochSecond() + stepSeconds - 1) / stepSeconds);
        var rollups = new java.util.HashMap<String, StepRollups>();
        var boundaries = new java.util.ArrayList<Instant>(steps);
        for (int i = 1; i < steps; i++) {
            boundaries.add(from.plusSeconds(i * stepSeconds));
        }
        TierPlan plan = plan(from, to, boundaries);
        String[] names = serviceNames();
        jdbc.sql("""
                SELECT service_name, ((extract(epoch FROM t)::int8 - ?) / ?)::int4 AS step, request_count, latency_histogram
                FROM (%s) AS buckets""".formatted(plan.union("service_rollup", "r.service_name, r.request_count, r.latency_histogram",
                        "r.service_name = ANY(?)")))
                .param(from.getEpochSecond()).param(stepSeconds).param(names).param(names)
                .query(row -> {
                    int step = row.getInt(2);
                    if (step < 0 || step >= steps) {
                        return;
                    }
                    StepRollups service = rollups.computeIfAbsent(row.getString(1),
                            name -> new StepRollups(new long[steps], new LatencyHistogram[steps]));
                    service.requests()[step] += row.getLong(3);
                    if (service.latency()[step] == null) {
                        service.latency()[step] = new LatencyHistogram();
                    }
                    service.latency()[step].mergeEncoded(row.getBytes(4));
                });
        return rollups;
    }

    /** A service's operations in [from, to), each kind apart, merged over the window; operations without spans are absent. */
    public List<OperationRollup> operations(String service, Instant from, Instant to) {
        var merged = new java.util.LinkedHashMap<OperationKey, RollupCell>();
        TierPlan plan = plan(from, to, List.of());
        jdbc.sql(plan.union("operation_rollup", "r.operation, r.span_kind, r.span_count, r.error_count, r.duration_sum_ns, "
                        + "r.latency_histogram", "r.service_name = ?"))
                .param(service).param(service)
                .query(row -> {
                    RollupCell cell = merged.computeIfAbsent(new OperationKey(row.getString(1), row.getShort(2)), key -> new RollupCell());
                    cell.count += row.getLong(3);
                    cell.errors += row.getLong(4);
                    cell.durationSumNanos += row.getLong(5);
                    cell.histogram.mergeEncoded(row.getBytes(6));
                });
        return merged.entrySet().stream()
                .map(entry -> new OperationRollup(entry.getKey().operation(), entry.getKey().kind(), entry.getValue().count,
                        entry.getValue().errors, entry.getValue().durationSumNanos, entry.getValue().histogram))
                .toList();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
