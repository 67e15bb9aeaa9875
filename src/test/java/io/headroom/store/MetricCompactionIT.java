package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import io.headroom.ingest.IngestPipeline;
import io.headroom.store.MetricSeriesRegistry.Series;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Samples are queryable as soon as they are acknowledged, from the batch their transaction
 * wrote, and exactly the same after the compactor moved them into per-series chunks: values,
 * order, stale markers and histograms, each once.
 */
@HeadroomIntegrationTest
class MetricCompactionIT {

    private static final long MINUTE = 60_000_000_000L;
    private static final long DAY = 24 * 60 * MINUTE;

    @Autowired
    IngestPipeline pipeline;

    @Autowired
    MetricSeriesRegistry seriesRegistry;

    @Autowired
    ResourceRegistry resources;

    @Autowired
    MetricCompactor compactor;

    @Autowired
    JdbcClient jdbc;

    @Test
    void compactionMovesEverySampleOnceAndChangesNothingAQuerySees() {
        String service = TestObjects.uniqueService("compaction");
        var origin = new Origin(service, resources.register(service, "{\"service.name\": \"" + service + "\"}"), null, null);
        long gauge = seriesRegistry.register(new Series(origin, "queue_depth", "gauge", null, null, "{}"));
        long histogram = seriesRegistry.register(new Series(origin, "latency", "exponential_histogram", "s", null, "{}"));
        long now = sameDayAsThreeMinutesBefore(TestObjects.nowNanos() / MINUTE * MINUTE);

        // Two transactions, the later one holding an earlier sample: chunks must still come out in time order.
        pipeline.submit(TelemetryBatch.builder()
                .addSample(new MetricSampleRow(service, gauge, now - 2 * MINUTE, 3.5, null))
                .addSample(new MetricSampleRow(service, histogram, now - MINUTE, 7, "{\"scale\": 2, \"zeroCount\": 1}"))
                .addSample(new MetricSampleRow(service, gauge, now, Double.NaN, null, true))
                .build()).join();
        pipeline.submit(TelemetryBatch.builder()
                .addSample(new MetricSampleRow(service, gauge, now - 3 * MINUTE, -1.25, null))
                .addSample(new MetricSampleRow(service, gauge, now - MINUTE, Double.NaN, null))
                .build()).join();

        List<String> before = samples(service);
        assertThat(before).containsExactly(
                "latency " + (now - MINUTE) + " 7 {\"scale\": 2, \"zeroCount\": 1}",
                "queue_depth " + (now - 3 * MINUTE) + " -1.25 null",
                "queue_depth " + (now - 2 * MINUTE) + " 3.5 null",
                "queue_depth " + (now - MINUTE) + " NaN null",
                "queue_depth " + now + " stale null");

        while (compactor.compactRound(java.time.Duration.ZERO) > 0) {
            // until every batch, including other tests', is compacted
        }

        assertThat(jdbc.sql("SELECT count(*) FROM metric_sample_batches").query(Long.class).single()).isZero();
        assertThat(samples(service)).isEqualTo(before);
        assertThat(jdbc.sql("""
                SELECT cardinality(times) || ' ' || (histograms IS NULL) FROM metric_chunks
                WHERE service_name = ? ORDER BY series_id""").param(service).query(String.class).list())
                .containsExactly("4 true", "1 false");
    }

    /** Chunks are per series and UTC day: in a day's first minutes, use the end of the day before. */
    private static long sameDayAsThreeMinutesBefore(long minute) {
        long sinceMidnight = minute % DAY;
        return sinceMidnight < 3 * MINUTE ? minute - sinceMidnight - MINUTE : minute;
    }

    private List<String> samples(String service) {
        return jdbc.sql("""
                SELECT s.metric_name || ' ' || (extract(epoch FROM m.time) * 1000000)::bigint * 1000 || ' '
                       || coalesce(m.value::text, 'stale') || ' ' || coalesce(m.histogram::text, 'null')
                FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE m.service_name = ? ORDER BY s.metric_name, m.time""").param(service).query(String.class).list();
    }
}
