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
import io.headroom.ingest.otlp.OtlpPort;
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
 * so a second run skips the fill), sends the spans and logs to its OTLP/HTTP receiver from
 * {@code --senders} threads ({@link ExploreDataIngest}), rolls up the service edges with the job
 * Headroom runs, and then calls the services the views call:
 * trace by id (spans, tree and the trace's logs), the 20 slowest traces of a service in the last
 * hour, a full-text log search over 24 hours (a rare word and one in a third of the records) and
 * the volume chart of the rare one, and the 24-hour service map. Windows end at the newest span.
 * Prints one line per measurement: {@code name p50_ms=… p90_ms=… max_ms=…}.
 */
public final class ExploreQueryBenchmark {

    /** Untimed passes first, as a server that has answered a few requests has compiled what they run. */
    private static final int WARMUP = 3;

    public static void main(String[] args) {
        long spans = Long.parseLong(option(args, "spans", "20000000"));
        long logs = Long.parseLong(option(args, "logs", "20000000"));
        int services = Integer.parseInt(option(args, "services", "20"));
        int passes = Integer.parseInt(option(args, "passes", "20"));
        int senders = Integer.parseInt(option(args, "senders", "4"));
        Path dataDir = Path.of(option(args, "data-dir", "target/explore-bench-pgdata"));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(HeadroomApplication.class).properties(
                "server.port=0", "headroom.otlp.port=0", "headroom.demo.enabled=false", "headroom.scrape.enabled=false",
                "headroom.store.edge-interval=1h", "headroom.db.embedded.data-dir=" + dataDir.toAbsolutePath(),
                "vaadin.productionMode=true", "logging.level.root=WARN").run();
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3));
            int otlpPort = app.getBean(OtlpPort.class).port();
            fill(jdbc, new ExploreDataIngest("http://127.0.0.1:" + otlpPort, services, end, senders), spans, logs);
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
     * Sends the spans and logs through Headroom's OTLP receiver ({@link ExploreDataIngest}) unless
     * spans are stored already (a kept data directory), then refreshes the planner's statistics.
     */
    private static void fill(JdbcClient jdbc, ExploreDataIngest ingest, long spans, long logs) {
        long existing = jdbc.sql("SELECT count(*) FROM spans").query(Long.class).single();
        if (existing > 0) {
            System.out.println("spans already stored: " + existing + "; not filling again");
            return;
        }
        long started = System.nanoTime();
        ingest.sendSpans(spans);
        ingest.sendLogs(logs, spans);
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
}
