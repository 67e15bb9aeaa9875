package io.headroom.bench;

import static io.headroom.bench.QueryTimings.option;
import static io.headroom.bench.QueryTimings.time;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.headroom.HeadroomApplication;
import io.headroom.explore.Logs;
import io.headroom.explore.ServiceMaps;
import io.headroom.explore.Traces;
import io.headroom.store.LogQueries.LogSearch;
import io.headroom.store.ServiceEdgeRollups;
import io.headroom.store.SpanSearch;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times what the Explore views read, server side, against a store holding {@code --spans} spans
 * (default 20 million, traces of ten spans across {@code --services} services) and {@code --logs}
 * log records (default 20 million, one in a thousand mentioning a timeout), spread over the last
 * 24 hours. Starts Headroom in this JVM on the embedded PostgreSQL in {@code --data-dir} (kept,
 * so a second run skips the fill), writes spans and logs with SQL (an OTLP load would take the
 * same rows hours on this machine; the rows are what ingest writes), rolls up the service edges
 * with the job Headroom runs, and then calls the services the views call:
 * trace by id (spans, tree and the trace's logs), the 20 slowest traces of a service in the last
 * hour, a full-text log search over 24 hours (a rare word and one in a third of the records) and
 * the volume chart of the rare one, and the 24-hour service map (its edges and layout: the fill
 * writes no KPI rollups, so the nodes' figures are empty). Windows end at the newest span.
 * Prints one line per measurement: {@code name p50_ms=… p90_ms=… max_ms=…}.
 */
public final class ExploreQueryBenchmark {

    private static final int SPANS_PER_TRACE = 10;
    /** Untimed passes first, as a server that has answered a few requests has compiled what they run. */
    private static final int WARMUP = 3;

    public static void main(String[] args) {
        long spans = Long.parseLong(option(args, "spans", "20000000"));
        long logs = Long.parseLong(option(args, "logs", "20000000"));
        int services = Integer.parseInt(option(args, "services", "20"));
        int passes = Integer.parseInt(option(args, "passes", "20"));
        Path dataDir = Path.of(option(args, "data-dir", "target/explore-bench-pgdata"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HeadroomApplication.class).properties(
                "server.port=0", "headroom.otlp.port=-1", "headroom.demo.enabled=false", "headroom.scrape.enabled=false",
                "headroom.store.edge-interval=1h", "headroom.db.embedded.data-dir=" + dataDir.toAbsolutePath(),
                "vaadin.productionMode=true", "logging.level.root=WARN").run();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3));
            fill(jdbc, spans, logs, services, end);
            rollUpEdges(app.getBean(ServiceEdgeRollups.class));
            Traces traces = app.getBean(Traces.class);
            Logs logSearch = app.getBean(Logs.class);
            ServiceMaps maps = app.getBean(ServiceMaps.class);
            // Windows end where the data does, so "the last hour" holds a full hour of spans however long ago the fill ran.
            Instant now = jdbc.sql("SELECT max(start_time) FROM spans").query(java.sql.Timestamp.class).single().toInstant();
            if (args.length > 0 && List.of(args).contains("--explain")) {
                explain(jdbc, now);
                return;
            }
            List<byte[]> ids = jdbc.sql("SELECT DISTINCT trace_id FROM spans WHERE start_time >= ? LIMIT 200")
                    .param(java.sql.Timestamp.from(now.minus(Duration.ofHours(2)))).query((row, i) -> row.getBytes(1)).list();
            Supplier<byte[]> anyTrace = () -> ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            Runnable nothing = () -> { };
            time("trace_by_id", WARMUP, passes, nothing, () -> traces.trace(anyTrace.get()).orElseThrow());
            time("trace_view_with_logs", WARMUP, passes, nothing, () -> traces.detail(anyTrace.get()).orElseThrow());
            time("slowest_20_traces_of_a_service_1h", WARMUP, passes, nothing, () -> traces.summaries(new SpanSearch("svc-3", null,
                    List.of(), now.minus(Duration.ofHours(1)), now, null, null, false, SpanSearch.Order.SLOWEST, 20)));
            Instant dayAgo = now.minus(Duration.ofHours(24));
            for (String word : List.of("timeout", "placed")) {
                time("log_search_24h_" + word, WARMUP, passes, nothing,
                        () -> logSearch.search(new LogSearch(dayAgo, now, null, null, word, Map.of(), null), 100));
            }
            time("log_volume_24h_timeout", WARMUP, passes, nothing,
                    () -> logSearch.volume(new LogSearch(dayAgo, now, null, null, "timeout", Map.of(), null), Duration.ofMinutes(24)));
            time("service_map_24h", WARMUP, passes, nothing, () -> maps.map(dayAgo, now));
        } finally {
            app.close();
        }
    }

    /** The plans of the log queries, to see which index each window uses. */
    private static void explain(JdbcClient jdbc, Instant now) {
        for (String sql : List.of(
                "SELECT * FROM log_records WHERE \"time\" >= ? AND \"time\" < ? AND to_tsvector('simple', coalesce(body, '')) "
                        + "@@ websearch_to_tsquery('simple', 'placed') ORDER BY \"time\" DESC LIMIT 100",
                "SELECT ((extract(epoch FROM \"time\")::int8 - 0) / 1440)::int4, count(*) FROM log_records WHERE \"time\" >= ? AND "
                        + "\"time\" < ? AND to_tsvector('simple', coalesce(body, '')) @@ websearch_to_tsquery('simple', 'timeout') GROUP BY 1")) {
            boolean wide = sql.contains("GROUP BY");
            System.out.println(String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    .param(java.sql.Timestamp.from(now.minus(wide ? Duration.ofHours(24) : Duration.ofMinutes(15))))
                    .param(java.sql.Timestamp.from(now)).query(String.class).list()));
        }
    }

    /**
     * Traces of ten spans, a root and nine children each in the next service along, evenly over
     * the 24 hours before {@code end}; durations 1–1000 ms. Logs evenly over the same hours, each
     * tied to a trace; the full-text index is dropped for the fill and built again after it, as a
     * bulk build is many times faster than maintaining it row by row.
     */
    private static void fill(JdbcClient jdbc, long spans, long logs, int services, Instant end) {
        long existing = jdbc.sql("SELECT count(*) FROM spans").query(Long.class).single();
        if (existing > 0) {
            System.out.println("spans already stored: " + existing + "; not filling again");
            return;
        }
        long started = System.nanoTime();
        for (int s = 0; s < services; s++) {
            jdbc.sql("INSERT INTO resources (resource_id, service_name, attributes) VALUES (?, ?, ?::jsonb)")
                    .params(resourceId(s), "svc-" + s, "{\"service.name\": \"svc-" + s + "\"}").update();
            jdbc.sql("INSERT INTO services (service_name, first_seen, last_seen) VALUES (?, now() - interval '1 day', now())")
                    .param("svc-" + s).update();
        }
        long traces = spans / SPANS_PER_TRACE;
        double secondsPerTrace = 86_400.0 / traces;
        long batch = 1_000_000;
        for (long from = 0; from < spans; from += batch) {
            jdbc.sql("""
                    INSERT INTO spans (service_name, start_time, duration_ns, trace_id, span_id, parent_span_id, name, kind, status_code,
                                       resource_id, attributes)
                    SELECT 'svc-' || ((g / 10 + g % 10) % :services),
                           CAST(:end AS timestamptz) - interval '24 hours' + (g / 10) * :secondsPerTrace * interval '1 second'
                               + (g % 10) * interval '2 milliseconds',
                           CASE WHEN g % 10 = 0 THEN 1000000000 ELSE (1 + (g * 7919) % 990) * 1000000 END,
                           decode(md5('t' || (g / 10)), 'hex'),
                           substring(decode(md5('s' || g), 'hex') FROM 1 FOR 8),
                           CASE WHEN g % 10 = 0 THEN NULL ELSE substring(decode(md5('s' || (g / 10 * 10)), 'hex') FROM 1 FOR 8) END,
                           'op-' || (g % 10),
                           CASE WHEN g % 10 = 0 THEN 2 ELSE 3 END,
                           CASE WHEN g % 97 = 0 THEN 2 ELSE 0 END,
                           decode(md5('svc-' || ((g / 10 + g % 10) % :services)), 'hex'),
                           jsonb_build_object('http.route', '/op-' || (g % 10))
                    FROM generate_series(CAST(:from AS int8), CAST(:to AS int8) - 1) AS g""")
                    .param("services", services).param("end", java.sql.Timestamp.from(end)).param("secondsPerTrace", secondsPerTrace)
                    .param("from", from).param("to", Math.min(spans, from + batch)).update();
            System.out.printf(Locale.ROOT, "spans %d of %d in %.0f s%n", Math.min(spans, from + batch), spans,
                    (System.nanoTime() - started) / 1e9);
        }
        jdbc.sql("DROP INDEX log_records_body_fts_idx").update();
        double secondsPerLog = 86_400.0 / logs;
        for (long from = 0; from < logs; from += batch) {
            jdbc.sql("""
                    INSERT INTO log_records (service_name, time, severity_number, severity_text, body, trace_id, span_id, flags,
                                             resource_id, attributes)
                    SELECT 'svc-' || (g % :services),
                           CAST(:end AS timestamptz) - interval '24 hours' + g * :secondsPerLog * interval '1 second',
                           CASE WHEN g % 1000 = 0 THEN 17 WHEN g % 50 = 0 THEN 13 ELSE 9 END,
                           NULL,
                           CASE WHEN g % 1000 = 0 THEN 'payment gateway timeout after 3 retries order_id=' || g
                                WHEN g % 3 = 0 THEN 'order placed order_id=' || g || ' total=' || (g % 500)
                                WHEN g % 3 = 1 THEN 'cart updated items=' || (g % 9) || ' session=' || md5(g::text)
                                ELSE 'GET /products served in ' || (g % 300) || ' ms' END,
                           decode(md5('t' || (g * :traces / :logs)), 'hex'),
                           NULL, 0,
                           decode(md5('svc-' || (g % :services)), 'hex'),
                           '{}'::jsonb
                    FROM generate_series(CAST(:from AS int8), CAST(:to AS int8) - 1) AS g""")
                    .param("services", services).param("end", java.sql.Timestamp.from(end)).param("secondsPerLog", secondsPerLog)
                    .param("traces", traces).param("logs", logs).param("from", from).param("to", Math.min(logs, from + batch)).update();
            System.out.printf(Locale.ROOT, "logs %d of %d in %.0f s%n", Math.min(logs, from + batch), logs,
                    (System.nanoTime() - started) / 1e9);
        }
        // The same definition as V11__log_full_text_index.sql.
        jdbc.sql("CREATE INDEX log_records_body_fts_idx ON log_records USING gin (to_tsvector('simple', coalesce(body, '')))").update();
        System.out.printf(Locale.ROOT, "full-text index built at %.0f s%n", (System.nanoTime() - started) / 1e9);
        jdbc.sql("ANALYZE spans").update();
        jdbc.sql("ANALYZE log_records").update();
        System.out.printf(Locale.ROOT, "filled in %.0f s; %s%n", (System.nanoTime() - started) / 1e9,
                jdbc.sql("SELECT pg_size_pretty(pg_database_size(current_database()))").query(String.class).single());
    }

    /** Runs the edge roll-up job until it has caught up with the spans (it resumes where an earlier run stopped). */
    private static void rollUpEdges(ServiceEdgeRollups edges) {
        long started = System.nanoTime();
        int minutes;
        do {
            minutes = edges.rollUp();
        } while (edges.doneUntil().isBefore(Instant.now().minus(Duration.ofMinutes(3))) && minutes > 0);
        System.out.printf(Locale.ROOT, "service edges rolled up (to %s) in %.0f s%n", edges.doneUntil(), (System.nanoTime() - started) / 1e9);
    }

    private static byte[] resourceId(int service) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(("svc-" + service).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
