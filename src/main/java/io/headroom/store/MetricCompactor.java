package io.headroom.store;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regroups the sample batches ingest wrote into one chunk per series and day, and deletes the
 * batches in the same transaction: each sample is in exactly one of the two tables, whatever
 * fails when. Batches are taken with {@code SKIP LOCKED}, so several Headroom instances compact
 * side by side without waiting on each other. Runs every few seconds until no batch is left.
 */
@Component
class MetricCompactor {

    private static final Logger log = LoggerFactory.getLogger(MetricCompactor.class);
    /** Batches per transaction: about a million samples at the largest requests, a few seconds of work. */
    private static final int BATCHES_PER_ROUND = 200;
    private static final String COMPACT = """
            WITH taken AS (
                DELETE FROM metric_sample_batches
                WHERE batch_id IN (SELECT batch_id FROM metric_sample_batches ORDER BY batch_id
                                   LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING series_ids, times, "values", histograms),
            samples AS (
                SELECT u.series_id, u.time, u.value, u.histogram
                FROM taken
                CROSS JOIN LATERAL unnest(taken.series_ids, taken.times, taken."values", taken.histograms)
                    AS u(series_id, time, value, histogram))
            INSERT INTO metric_chunks (service_name, series_id, start_time, end_time, times, "values", histograms)
            SELECT s.service_name, x.series_id, min(x.time), max(x.time),
                   array_agg(x.time ORDER BY x.time), array_agg(x.value ORDER BY x.time),
                   CASE WHEN count(x.histogram) = 0 THEN NULL ELSE array_agg(x.histogram ORDER BY x.time) END
            FROM samples x JOIN metric_series s USING (series_id)
            GROUP BY s.service_name, x.series_id, date_trunc('day', x.time, 'UTC')""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Timer roundTime;
    private final Counter chunksWritten;

    MetricCompactor(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.roundTime = Timer.builder("headroom.store.metric.compaction").description("Time to compact one round of sample batches")
                .register(registry);
        this.chunksWritten = Counter.builder("headroom.store.metric.chunks.written").register(registry);
    }

    @Scheduled(initialDelayString = "${headroom.store.compaction-interval:5s}", fixedDelayString = "${headroom.store.compaction-interval:5s}")
    void compactAll() {
        try {
            int chunks;
            do {
                chunks = compactRound();
            } while (chunks > 0);
        } catch (RuntimeException e) {
            log.warn("Compacting metric samples failed; the batches stay and are retried: {}", e.toString());
        }
    }

    /** @return chunks written; 0 when no batch was left to take */
    int compactRound() {
        long start = System.nanoTime();
        Integer chunks = transactions.execute(status -> jdbc.sql(COMPACT).param("limit", BATCHES_PER_ROUND).update());
        roundTime.record(Duration.ofNanos(System.nanoTime() - start));
        chunksWritten.increment(chunks == null ? 0 : chunks);
        return chunks == null ? 0 : chunks;
    }
}
