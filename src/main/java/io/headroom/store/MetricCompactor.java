package io.headroom.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Regroups the sample batches ingest wrote into one chunk per series and day ({@link SampleChunks}),
 * and deletes the batches in the same transaction: each sample is in exactly one of the two tables, whatever
 * fails when. Batches are taken with {@code SKIP LOCKED}, so several Headroom instances compact
 * side by side without waiting on each other. Runs every few seconds until no batch is left.
 */
@Component
class MetricCompactor {

    private static final Logger log = LoggerFactory.getLogger(MetricCompactor.class);
    /** Batches per transaction: about a million samples at the largest requests, a few seconds of work. */
    private static final int BATCHES_PER_ROUND = 200;
    private static final String COPY_CHUNKS = """
            COPY metric_chunks (service_name, series_id, start_time, end_time, times, "values", histograms)
            FROM STDIN (FORMAT binary)""";
    /** Never expected (series are registered before their samples), but a missing series must not block compaction. */
    private static final String UNKNOWN_SERVICE = "unknown_service";
    private static final int KNOWN_SERVICES = 200_000;

    private final DataSource dataSource;
    private final PartitionMaintenance partitions;
    /**
     * Batches younger than this wait for the next run, so that a chunk gathers several seconds of
     * each series rather than the last few requests' (one B-tree entry per chunk, not per sample).
     */
    private final Duration minimumAge;
    private final Map<Long, String> serviceOfSeries = new HashMap<>();
    private final Timer roundTime;
    private final Counter chunksWritten;

    MetricCompactor(DataSource dataSource, PartitionMaintenance partitions, MeterRegistry registry,
            @Value("${headroom.store.compaction-interval:5s}") Duration interval) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.minimumAge = interval;
        this.roundTime = Timer.builder("headroom.store.metric.compaction").description("Time to compact one round of sample batches")
                .register(registry);
        this.chunksWritten = Counter.builder("headroom.store.metric.chunks.written").register(registry);
    }

    @Scheduled(initialDelayString = "${headroom.store.compaction-interval:5s}", fixedDelayString = "${headroom.store.compaction-interval:5s}")
    void compactAll() {
        try {
            // Rounds go on while they come back full; a partial round took every batch old enough.
            while (compactRound(minimumAge) == BATCHES_PER_ROUND) {
                log.debug("Compaction round was full; compacting more");
            }
        } catch (RuntimeException e) {
            log.warn("Compacting metric samples failed; the batches stay and are retried: {}", e.toString());
        }
    }

    /** @return batches compacted; 0 when no batch at least {@code minimumAge} old was left to take */
    synchronized int compactRound(Duration minimumAge) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Round round = compact(connection, minimumAge);
                connection.commit();
                roundTime.record(Duration.ofNanos(System.nanoTime() - start));
                chunksWritten.increment(round.chunks());
                return round.batches();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("compaction failed: " + e.getMessage(), e);
        }
    }

    private record Round(int batches, int chunks) {
    }

    private Round compact(Connection connection, Duration minimumAge) throws SQLException, IOException {
        List<Long> batchIds = new ArrayList<>();
        try (PreparedStatement take = connection.prepareStatement(
                """
                SELECT batch_id FROM metric_sample_batches WHERE received_at < now() - ? * interval '1 millisecond'
                ORDER BY batch_id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            take.setLong(1, minimumAge.toMillis());
            take.setInt(2, BATCHES_PER_ROUND);
            try (ResultSet rows = take.executeQuery()) {
                while (rows.next()) {
                    batchIds.add(rows.getLong(1));
                }
            }
        }
        if (batchIds.isEmpty()) {
            return new Round(0, 0);
        }
        // Ids come from the database as longs, so writing them into the statement is safe; COPY takes no parameters.
        String idList = batchIds.stream().map(String::valueOf).collect(Collectors.joining(",", "'{", "}'::bigint[]"));
        CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
        var batches = new ByteArrayOutputStream(1 << 20);
        copies.copyOut("COPY (SELECT series_ids, times, \"values\", histograms FROM metric_sample_batches WHERE batch_id = ANY("
                + idList + ")) TO STDOUT (FORMAT binary)", batches);
        var chunks = new SampleChunks(partitions);
        chunks.addCopyOutput(batches.toByteArray());
        if (chunks.expired() > 0) {
            log.warn("Compaction dropped {} samples older than the raw retention", chunks.expired());
        }
        BinaryCopyBuffer rows = chunks.copyRows(services(connection, chunks.seriesIds()));
        BinaryCopyBuffer.copyIn(copies, COPY_CHUNKS, copy -> copy.writeToCopy(rows.array(), 0, rows.size()));
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM metric_sample_batches WHERE batch_id = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("int8", batchIds.toArray()));
            delete.executeUpdate();
        }
        return new Round(batchIds.size(), chunks.chunkCount());
    }

    private Map<Long, String> services(Connection connection, long[] seriesIds) throws SQLException {
        List<Long> unknown = new ArrayList<>();
        for (long id : seriesIds) {
            if (!serviceOfSeries.containsKey(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            if (serviceOfSeries.size() + unknown.size() > KNOWN_SERVICES) {
                serviceOfSeries.clear();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT series_id, service_name FROM metric_series WHERE series_id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("int8", unknown.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        serviceOfSeries.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
            unknown.forEach(id -> serviceOfSeries.putIfAbsent(id, UNKNOWN_SERVICE));
        }
        return serviceOfSeries;
    }
}
