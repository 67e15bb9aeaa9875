package io.headroom.bench;

import static io.headroom.bench.QueryTimings.option;
import static io.headroom.bench.QueryTimings.time;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.headroom.HeadroomApplication;
import io.headroom.kpi.Annotations;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSaturation;
import io.headroom.kpi.Slo;
import io.headroom.kpi.Slos;
import io.headroom.store.LatencyHistogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times what the Overview and the Service page read, server side, against a store holding
 * {@code --services} services × {@code --operations} operations × {@code --days} days of rollups
 * (defaults 50 × 20 × 30: 43.2 million operation minutes). Starts Headroom in this JVM on the
 * embedded PostgreSQL in {@code --data-dir} (kept, so a second run skips the fill), writes the
 * minute and hour rollups with SQL if they are not there, gives every service an SLO, and then
 * calls the same services the views call, each pass from cold SLO statuses:
 * <ul>
 *   <li>Overview: every service's summary, SLO status and throughput and p99 sparklines over 24 h and 30 d;</li>
 *   <li>Service page over 24 h: summary, the charts' series, saturation, annotations, scaling
 *   efficiency and operations of one service.</li>
 * </ul>
 * Prints one line per measurement: {@code name p50_ms=… p90_ms=… max_ms=…}.
 */
public final class KpiQueryBenchmark {

    private static final int HISTOGRAMS = 6;

    public static void main(String[] args) {
        int services = Integer.parseInt(option(args, "services", "50"));
        int operations = Integer.parseInt(option(args, "operations", "20"));
        int days = Integer.parseInt(option(args, "days", "30"));
        int passes = Integer.parseInt(option(args, "passes", "10"));
        int warmup = Integer.parseInt(option(args, "warmup", "3"));
        Path dataDir = Path.of(option(args, "data-dir", "target/kpi-bench-pgdata"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HeadroomApplication.class).properties(
                "server.port=0", "headroom.otlp.port=-1", "headroom.demo.enabled=false",
                "headroom.db.embedded.data-dir=" + dataDir.toAbsolutePath(), "vaadin.productionMode=true", "logging.level.root=WARN").run();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            fill(jdbc, services, operations, days, end);
            Slos slos = app.getBean(Slos.class);
            var security = app.getBean(org.springframework.security.core.context.SecurityContextHolderStrategy.class);
            ServiceKpis kpis = app.getBean(ServiceKpis.class);
            ServiceSaturation saturation = app.getBean(ServiceSaturation.class);
            Annotations annotations = app.getBean(Annotations.class);
            for (Duration window : List.of(Duration.ofHours(24), Duration.ofDays(30))) {
                String name = "overview_" + (window.toDays() > 1 ? window.toDays() + "d" : window.toHours() + "h");
                // The first passes also compile the code they run (a live Overview refreshing every few seconds has long
                // since done so): they are timed apart.
                time(name + "_warmup", 0, warmup, () -> redefine(slos, security, services), () -> overview(kpis, slos, window));
                time(name, 0, passes, () -> redefine(slos, security, services), () -> overview(kpis, slos, window));
                time(name + "_summaries", 0, passes, () -> { }, () -> kpis.summaries(Instant.now().minus(window), Instant.now()));
                time(name + "_slo_statuses", 0, passes, () -> redefine(slos, security, services), slos::statuses);
                time(name + "_sparklines", 0, passes, () -> { },
                        () -> kpis.trends(Instant.now().minus(window), Instant.now(), 30));
            }
            String one = service(services / 2);
            time("service_page_24h", 0, passes, () -> redefine(slos, security, services), () -> {
                Instant now = Instant.now();
                Instant from = now.minus(Duration.ofHours(24));
                Duration step = Duration.ofMinutes(5);
                return List.of(kpis.summary(one, from, now), kpis.series(one, from, now, step),
                        saturation.series(one, from, now, step), annotations.of(one, from, now),
                        kpis.scalingEfficiency(one, from, now), kpis.operations(one, from, now), slos.status(one));
            });
        } finally {
            app.close();
        }
    }

    /** What the Overview loads on each refresh (ServicesView): every summary, SLO status and sparkline. */
    private static Object overview(ServiceKpis kpis, Slos slos, Duration window) {
        Instant now = Instant.now();
        Instant from = now.minus(window);
        return List.of(kpis.summaries(from, now), slos.statuses(), kpis.trends(from, now, 30));
    }

    /** Defining an SLO again drops its cached status, so each pass computes every status as the first view of a minute would. */
    private static void redefine(Slos slos, org.springframework.security.core.context.SecurityContextHolderStrategy security, int services) {
        for (int s = 0; s < services; s++) {
            Slo slo = new Slo(service(s), 0.999, 0.99, 300.0, 30);
            io.headroom.TestUsers.as(security, io.headroom.security.Role.ADMIN, () -> slos.define(slo));
        }
    }

    /**
     * Minute rows cycle through a few latency histograms (period 6 minutes), so an hour row is ten
     * of each merged: the hourly tier holds exactly the sum of its minutes, as the applier keeps it.
     */
    private static void fill(JdbcClient jdbc, int services, int operations, int days, Instant end) {
        long existing = jdbc.sql("SELECT count(*) FROM service_rollup_1m").query(Long.class).single();
        if (existing > 0) {
            System.out.println("rollups already stored: " + existing + " service minutes; not filling again");
            return;
        }
        long[] counts = new long[HISTOGRAMS];
        byte[][] minuteHistograms = new byte[HISTOGRAMS][];
        for (int k = 0; k < HISTOGRAMS; k++) {
            var histogram = new LatencyHistogram();
            counts[k] = 20 + 7L * k;
            for (int i = 0; i < counts[k]; i++) {
                histogram.recordNanos((long) (Math.exp(Math.log(20e6) + 0.8 * Math.sin(i * 1.7 + k)) + i * 100_000L));
            }
            minuteHistograms[k] = histogram.encode();
        }
        var hourHistogram = new LatencyHistogram();
        long hourCount = 0;
        for (int repeat = 0; repeat < 60 / HISTOGRAMS; repeat++) {
            for (int k = 0; k < HISTOGRAMS; k++) {
                hourHistogram.mergeEncoded(minuteHistograms[k]);
                hourCount += counts[k];
            }
        }
        Instant from = end.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
        long started = System.nanoTime();
        for (int s = 0; s < services; s++) {
            String service = service(s);
            jdbc.sql("INSERT INTO services (service_name, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .param(service).param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(end)).update();
            jdbc.sql("""
                    INSERT INTO operation_rollup_1m (service_name, minute, operation, span_kind, span_count, error_count,
                                                     duration_sum_ns, root_count, latency_histogram)
                    SELECT ?, m, 'GET /op-' || o, 2, (?::int8[])[k + 1], (k = 0)::int, (?::int8[])[k + 1] * 25000000, 0, (?::bytea[])[k + 1]
                    FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') AS m,
                         generate_series(0, ? - 1) AS o,
                         LATERAL (SELECT (extract(epoch FROM m)::int8 / 60 % ?)::int AS k) AS x""")
                    .param(service).param(counts).param(counts).param(minuteHistograms)
                    .param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(end)).param(operations).param(HISTOGRAMS)
                    .update();
            jdbc.sql("""
                    INSERT INTO service_rollup_1m (service_name, minute, request_count, error_count, duration_sum_ns, root_count,
                                                   latency_histogram)
                    SELECT ?, m, (?::int8[])[k + 1], (k = 0)::int, (?::int8[])[k + 1] * 25000000, (?::int8[])[k + 1], (?::bytea[])[k + 1]
                    FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') AS m,
                         LATERAL (SELECT (extract(epoch FROM m)::int8 / 60 % ?)::int AS k) AS x""")
                    .param(service).param(counts).param(counts).param(counts).param(minuteHistograms)
                    .param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(end)).param(HISTOGRAMS)
                    .update();
            long hourErrors = 60 / HISTOGRAMS;
            jdbc.sql("""
                    INSERT INTO operation_rollup_1h (service_name, hour, operation, span_kind, span_count, error_count,
                                                     duration_sum_ns, root_count, latency_histogram)
                    SELECT ?, h, 'GET /op-' || o, 2, ?, ?, ? * 25000000, 0, ?
                    FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') AS h,
                         generate_series(0, ? - 1) AS o""")
                    .param(service).param(hourCount).param(hourErrors).param(hourCount).param(hourHistogram.encode())
                    .param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(end.truncatedTo(ChronoUnit.HOURS)))
                    .param(operations).update();
            jdbc.sql("""
                    INSERT INTO service_rollup_1h (service_name, hour, request_count, error_count, duration_sum_ns, root_count,
                                                   latency_histogram)
                    SELECT ?, h, ?, ?, ? * 25000000, ?, ?
                    FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') AS h""")
                    .param(service).param(hourCount).param(hourErrors).param(hourCount).param(hourCount).param(hourHistogram.encode())
                    .param(java.sql.Timestamp.from(from)).param(java.sql.Timestamp.from(end.truncatedTo(ChronoUnit.HOURS)))
                    .update();
            System.out.printf(Locale.ROOT, "filled %s (%d of %d) in %.0f s so far%n", service, s + 1, services,
                    (System.nanoTime() - started) / 1e9);
        }
        jdbc.sql("ANALYZE").update();
        System.out.printf(Locale.ROOT, "filled %d services x %d operations x %d days in %.0f s%n", services, operations, days,
                (System.nanoTime() - started) / 1e9);
    }

    private static String service(int s) {
        return "bench-svc-%02d".formatted(s);
    }
}
