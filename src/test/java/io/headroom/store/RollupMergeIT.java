package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rollups written by several writers and applied by several appliers at once (as several
 * Headroom instances would) add up exactly, and their merged histogram gives the same
 * quantiles as one histogram of all spans.
 */
@HeadroomIntegrationTest
class RollupMergeIT {

    @Autowired
    TelemetryStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void concurrentWritersToTheSameMinutesAddUp() throws Exception {
        String service = TestObjects.uniqueService("merge");
        var resource = new ResourceId(Hashes.hash16(service));
        jdbc.sql("INSERT INTO resources (resource_id, service_name, attributes) VALUES (?, ?, '{}')")
                .param(resource.bytes()).param(service).update();
        var origin = new Origin(service, resource, null, null);
        long minute = (TestObjects.nowNanos() / 60_000_000_000L) * 60_000_000_000L;
        int writers = 4;
        int transactionsEach = 25;
        int spansEach = 40;
        var expected = new LatencyHistogram();
        var batchesByWriter = new ArrayList<List<TelemetryBatch>>();
        long seed = 1;
        for (int w = 0; w < writers; w++) {
            var batches = new ArrayList<TelemetryBatch>();
            for (int t = 0; t < transactionsEach; t++) {
                var builder = TelemetryBatch.builder();
                for (int s = 0; s < spansEach; s++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    long duration = 100_000 + Math.floorMod(seed >>> 20, 500_000_000L);
                    expected.recordNanos(duration);
                    // Two minutes, so that writers contend on several rows in the same order.
                    long start = minute - (s % 2) * 60_000_000_000L + s;
                    builder.addSpan(new SpanRow(origin, TestObjects.randomId(16).toByteArray(),
                            TestObjects.randomId(8).toByteArray(), null, "op-" + (s % 3), SpanRow.KIND_SERVER, start,
                            duration, new SpanRow.SpanStatus(s % 5 == 0 ? 2 : 0, null), null, "{}", null, null));
                }
                batches.add(builder.build());
            }
            batchesByWriter.add(batches);
        }

        // Besides the application's own applier, two more compete for the same journal entries.
        var appliers = List.of(new RollupApplier(dataSource, new SimpleMeterRegistry()),
                new RollupApplier(dataSource, new SimpleMeterRegistry()));
        var writing = new AtomicBoolean(true);
        var pool = Executors.newFixedThreadPool(writers + appliers.size());
        try {
            var applying = new ArrayList<Future<Integer>>();
            for (RollupApplier applier : appliers) {
                applying.add(pool.submit(() -> {
                    int applied = 0;
                    do {
                        applied += applier.applyPending();
                    } while (writing.get());
                    return applied + applier.applyPending();
                }));
            }
            var results = new ArrayList<Future<Void>>();
            for (List<TelemetryBatch> batches : batchesByWriter) {
                results.add(pool.submit((Callable<Void>) () -> {
                    for (TelemetryBatch batch : batches) {
                        store.write(List.of(batch));
                    }
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                result.get();
            }
            writing.set(false);
            for (Future<Integer> result : applying) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long total = (long) writers * transactionsEach * spansEach;
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT coalesce(sum(request_count), 0) FROM service_rollup_1m WHERE service_name = ?")
                .param(service).query(Long.class).single() >= total);

        var merged = new LatencyHistogram();
        long requests = 0;
        long errors = 0;
        for (var row : jdbc.sql("SELECT request_count, error_count, latency_histogram FROM service_rollup_1m WHERE service_name = ?")
                .param(service).query().listOfRows()) {
            requests += (Long) row.get("request_count");
            errors += (Long) row.get("error_count");
            merged.mergeEncoded((byte[]) row.get("latency_histogram"));
        }
        assertThat(requests).isEqualTo(total);
        assertThat(errors).isEqualTo(total / 5);
        assertThat(merged.count()).isEqualTo(total);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            assertThat(merged.quantileNanos(q)).isCloseTo(expected.quantileNanos(q), within(1e-6));
        }
        assertThat(jdbc.sql("SELECT sum(span_count) FROM operation_rollup_1m WHERE service_name = ?")
                .param(service).query(Long.class).single()).isEqualTo(total);
        assertThat(jdbc.sql("SELECT count(*) FROM operation_rollup_1m WHERE service_name = ?")
                .param(service).query(Long.class).single()).as("2 minutes x 3 operations").isEqualTo(6);

        // The hourly tier, added in the same transactions, holds the same spans in whole hours.
        var hourly = new LatencyHistogram();
        long hourlyRequests = 0;
        long hourlyErrors = 0;
        for (var row : jdbc.sql("""
                SELECT request_count, error_count, latency_histogram, hour = date_trunc('hour', hour) AS whole
                FROM service_rollup_1h WHERE service_name = ?""").param(service).query().listOfRows()) {
            hourlyRequests += (Long) row.get("request_count");
            hourlyErrors += (Long) row.get("error_count");
            hourly.mergeEncoded((byte[]) row.get("latency_histogram"));
            assertThat((Boolean) row.get("whole")).isTrue();
        }
        assertThat(hourlyRequests).isEqualTo(total);
        assertThat(hourlyErrors).isEqualTo(total / 5);
        for (double q : new double[] {0.5, 0.95, 0.99}) {
            assertThat(hourly.quantileNanos(q)).isCloseTo(expected.quantileNanos(q), within(1e-6));
        }
        assertThat(jdbc.sql("SELECT sum(span_count), sum(root_count) FROM operation_rollup_1h WHERE service_name = ?")
                .param(service).query((row, i) -> List.of(row.getLong(1), row.getLong(2))).single())
                .isEqualTo(jdbc.sql("SELECT sum(span_count), sum(root_count) FROM operation_rollup_1m WHERE service_name = ?")
                        .param(service).query((row, i) -> List.of(row.getLong(1), row.getLong(2))).single());
    }
}
