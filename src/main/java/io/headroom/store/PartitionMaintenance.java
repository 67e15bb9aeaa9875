package io.headroom.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PostConstruct;

/**
 * Keeps one partition per UTC day for each raw telemetry table: creates the coming days ahead,
 * drops days older than the raw retention (dropping a partition is instant, unlike DELETE),
 * and trims old rollups. Also tells ingest which timestamps have a partition to land in.
 */
@Component
public class PartitionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);
    static final List<String> PARTITIONED_TABLES = List.of("spans", "log_records", "metric_chunks");
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long MAINTENANCE_LOCK = 0x4845_4144_0001L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RetentionProperties retention;

    PartitionMaintenance(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, RetentionProperties retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    /** Longer than any sender keeps retrying one request. */
    static final Duration REQUEST_DIGEST_RETENTION = java.time.Duration.ofDays(1);

    @PostConstruct
    void prepare() {
        maintain();
    }

    /** The timestamps storable now; take it once for a whole request or batch and ask it per record. */
    public AcceptedTimes acceptedTimes() {
        return AcceptedTimes.at(clock.millis(), retention.raw().toNanos());
    }

    /** True when a record with this timestamp can be stored now: its day is kept and has a partition. */
    public boolean accepts(long epochNanos) {
        return acceptedTimes().accepts(epochNanos);
    }

    @Scheduled(initialDelayString = "PT1H", fixedDelayString = "PT1H")
    public void maintain() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(MAINTENANCE_LOCK).query().singleRow();
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate oldestKept = LocalDate.ofInstant(now.minus(retention.raw()), ZoneOffset.UTC);
            for (String table : PARTITIONED_TABLES) {
                for (LocalDate day = oldestKept; !day.isAfter(today.plusDays(retention.partitionsAhead())); day = day.plusDays(1)) {
                    create(table, day);
                }
                dropBefore(table, oldestKept);
            }
            Timestamp cutoff = Timestamp.from(now.minus(retention.rollups()));
            // An hour row goes once its whole hour is past the cutoff, as its last minutes do.
            int trimmed = jdbc.sql("DELETE FROM operation_rollup_1m WHERE minute < ?").param(cutoff).update()
                    + jdbc.sql("DELETE FROM service_rollup_1m WHERE minute < ?").param(cutoff).update()
                    + jdbc.sql("DELETE FROM operation_rollup_1h WHERE hour < CAST(? AS timestamptz) - interval '1 hour'").param(cutoff).update()
                    + jdbc.sql("DELETE FROM service_rollup_1h WHERE hour < CAST(? AS timestamptz) - interval '1 hour'").param(cutoff).update()
                    + jdbc.sql("DELETE FROM service_edge_rollup_1m WHERE minute < ?").param(cutoff).update()
                    + jdbc.sql("DELETE FROM service_edge_rollup_1h WHERE hour < CAST(? AS timestamptz) - interval '1 hour'").param(cutoff).update();
            if (trimmed > 0) {
                log.info("Trimmed {} rollup rows older than {}", trimmed, retention.rollups());
            }
            jdbc.sql("DELETE FROM ingest_request_digests WHERE received_at < ?")
                    .param(Timestamp.from(now.minus(REQUEST_DIGEST_RETENTION))).update();
        });
    }

    private void create(String table, LocalDate day) {
        jdbc.sql("CREATE TABLE IF NOT EXISTS %s PARTITION OF %s FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')"
                .formatted(partitionName(table, day), table, day, day.plusDays(1))).update();
    }

    private void dropBefore(String table, LocalDate oldestKept) {
        List<String> partitions = jdbc.sql("""
                SELECT c.relname FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = ? AND p.relnamespace = current_schema()::regnamespace""")
                .param(table).query(String.class).list();
        for (String partition : partitions) {
            String suffix = partition.substring(partition.lastIndexOf('_') + 2);
            LocalDate day = LocalDate.parse(suffix, SUFFIX);
            if (day.isBefore(oldestKept)) {
                jdbc.sql("DROP TABLE " + partition).update();
                log.info("Dropped partition {} (raw retention {})", partition, retention.raw());
            }
        }
    }

    static String partitionName(String table, LocalDate day) {
        return table + "_p" + SUFFIX.format(day);
    }
}
