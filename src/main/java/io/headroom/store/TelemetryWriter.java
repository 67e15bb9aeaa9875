package io.headroom.store;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;


/**
 * Stores many requests' batches in one transaction: raw rows by COPY, and their rollup delta in
 * the journal that {@link RollupApplier} adds into the rollup tables. When {@link #write}
 * returns, every record in the batches is committed.
 */
@Component
class TelemetryWriter implements TelemetryStore {

    private static final String COPY_SPANS = """
            COPY spans (service_name, start_time, duration_ns, trace_id, span_id, parent_span_id, name, kind,
                         status_code, status_message, trace_state, scope_name, scope_version, resource_id,
                         attributes, events, links) FROM STDIN (FORMAT binary)""";
    private static final String COPY_LOGS = """
            COPY log_records (service_name, time, observed_time, severity_number, severity_text, body, trace_id,
                              span_id, flags, event_name, scope_name, resource_id, attributes)
            FROM STDIN (FORMAT binary)""";
    private static final String COPY_SAMPLES = """
            COPY metric_sample_batches (series_ids, times, "values", histograms) FROM STDIN (FORMAT binary)""";
    private static final String TOUCH_SERVICES = """
            INSERT INTO services (service_name, first_seen, last_seen)
            SELECT s, ?, ? FROM unnest(?::text[]) AS s ORDER BY s
            ON CONFLICT (service_name) DO UPDATE SET last_seen = greatest(services.last_seen, excluded.last_seen)""";

    private final DataSource dataSource;
    private final Clock clock;
    private final RollupApplier rollups;
    private final LastSeenTouches lastSeen = new LastSeenTouches();

    private final Timer copyTime;
    private final Timer journalTime;
    private final Timer commitTime;

    TelemetryWriter(DataSource dataSource, Clock clock, MeterRegistry registry, RollupApplier rollups) {
        this.dataSource = dataSource;
        this.rollups = rollups;
        this.clock = clock;
        this.copyTime = phaseTimer(registry, "copy");
        this.journalTime = phaseTimer(registry, "journal");
        this.commitTime = phaseTimer(registry, "commit");
    }

    private static Timer phaseTimer(MeterRegistry registry, String phase) {
        return Timer.builder("headroom.store.write.phase").tag("phase", phase)
                .description("Time spent per phase of a batch transaction").register(registry);
    }

    @Override
    public void write(List<TelemetryBatch> requested) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                long start = System.nanoTime();
                List<TelemetryBatch> batches = withoutReplays(connection, requested);
                var delta = new java.io.ByteArrayOutputStream();
                var serviceNames = new TreeSet<String>();
                for (TelemetryBatch batch : batches) {
                    if (batch.rollupDelta != null) {
                        delta.writeBytes(batch.rollupDelta);
                    }
                    serviceNames.addAll(batch.services);
                }
                copy(pg, COPY_SPANS, batches, batch -> batch.spans, batch -> batch.spanCount);
                copy(pg, COPY_LOGS, batches, batch -> batch.logs, batch -> batch.logCount);
                copySamples(pg, batches);
                long copied = System.nanoTime();
                journal(connection, delta.toByteArray());
                long now = clock.millis();
                List<String> touched = lastSeen.due(serviceNames, now);
                touchServices(connection, touched, now);
                long journaled = System.nanoTime();
                connection.commit();
                lastSeen.touched(touched, now);
                copyTime.record(copied - start, TimeUnit.NANOSECONDS);
                journalTime.record(journaled - copied, TimeUnit.NANOSECONDS);
                commitTime.record(System.nanoTime() - journaled, TimeUnit.NANOSECONDS);
                if (delta.size() > 0) {
                    rollups.nudge();
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Records the digests of the batches that carry one and leaves out those already recorded,
     * by an earlier transaction or earlier in this list. A concurrent transaction inserting the
     * same digest makes this one wait for its outcome, so a retry racing its original is still
     * stored once.
     */
    private static List<TelemetryBatch> withoutReplays(Connection connection, List<TelemetryBatch> batches)
            throws SQLException {
        // Sorted, so that two transactions inserting the same digests wait on each other in one order, never in a cycle.
        List<byte[]> digests = batches.stream().map(batch -> batch.digest).filter(Objects::nonNull)
                .sorted(Arrays::compareUnsigned).toList();
        if (digests.isEmpty()) {
            return batches;
        }
        Set<ByteBuffer> fresh = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO ingest_request_digests (digest) SELECT unnest(?::bytea[])
                ON CONFLICT (digest) DO NOTHING RETURNING digest""")) {
            insert.setArray(1, connection.createArrayOf("bytea", digests.toArray(byte[][]::new)));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fresh.add(ByteBuffer.wrap(inserted.getBytes(1)));
                }
            }
        }
        var kept = new ArrayList<TelemetryBatch>(batches.size());
        for (TelemetryBatch batch : batches) {
            if (batch.digest == null || fresh.remove(ByteBuffer.wrap(batch.digest))) {
                kept.add(batch);
            }
        }
        return kept;
    }

    /** @param deltas the batches' encoded rollup deltas, one after another */
    private static void journal(Connection connection, byte[] deltas) throws SQLException {
        if (deltas.length == 0) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_journal (delta) VALUES (?)")) {
            insert.setBytes(1, deltas);
            insert.executeUpdate();
        }
    }

    private void copy(PGConnection pg, String sql, List<TelemetryBatch> batches,
            java.util.function.Function<TelemetryBatch, BinaryCopyBuffer> buffer,
            java.util.function.ToIntFunction<TelemetryBatch> count) throws SQLException {
        if (batches.stream().mapToInt(count).sum() == 0) {
            return;
        }
        BinaryCopyBuffer.copyIn(pg.getCopyAPI(), sql, copy -> {
            for (TelemetryBatch batch : batches) {
                BinaryCopyBuffer rows = buffer.apply(batch);
                copy.writeToCopy(rows.array(), 0, rows.size());
            }
        });
    }

    /** All the transaction's samples as one row of arrays; {@link MetricCompactor} turns it into per-series chunks. */
    private static void copySamples(PGConnection pg, List<TelemetryBatch> batches) throws SQLException {
        List<SampleColumns> columns = batches.stream().map(batch -> batch.samples).filter(samples -> samples.count() > 0).toList();
        if (!columns.isEmpty()) {
            BinaryCopyBuffer.copyIn(pg.getCopyAPI(), COPY_SAMPLES, copy -> SampleColumns.writeRow(copy, columns));
        }
    }

    private void touchServices(Connection connection, List<String> names, long nowMillis) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        Timestamp now = new Timestamp(nowMillis);
        try (PreparedStatement statement = connection.prepareStatement(TOUCH_SERVICES)) {
            statement.setTimestamp(1, now);
            statement.setTimestamp(2, now);
            Array array = connection.createArrayOf("text", names.toArray());
            statement.setArray(3, array);
            statement.executeUpdate();
        }
    }

}
