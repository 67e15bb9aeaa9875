package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.headroom.HeadroomIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partitions ahead are created and expired ones dropped as the clock moves. The clock is set
 * in 2020, so the shared database's current partitions are never touched.
 */
@HeadroomIntegrationTest
class PartitionMaintenanceIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void createsDaysAheadAndDropsDaysPastRetention() {
        var retention = new RetentionProperties(Duration.ofDays(7), Duration.ofDays(90), 3);
        Instant start = Instant.parse("2020-03-10T12:00:00Z");
        var maintenance = new PartitionMaintenance(jdbc, transactions, Clock.fixed(start, ZoneOffset.UTC), retention);
        maintenance.maintain();
        assertThat(spanPartitions()).contains("spans_p20200303", "spans_p20200310", "spans_p20200313")
                .doesNotContain("spans_p20200302", "spans_p20200314");
        assertThat(maintenance.accepts(start.minus(Duration.ofDays(6)).toEpochMilli() * 1_000_000)).isTrue();
        assertThat(maintenance.accepts(start.minus(Duration.ofDays(8)).toEpochMilli() * 1_000_000)).isFalse();
        assertThat(maintenance.accepts(start.plus(Duration.ofDays(2)).toEpochMilli() * 1_000_000)).isFalse();

        var tenDaysLater = new PartitionMaintenance(jdbc, transactions,
                Clock.fixed(start.plus(Duration.ofDays(10)), ZoneOffset.UTC), retention);
        tenDaysLater.maintain();
        assertThat(spanPartitions()).doesNotContain("spans_p20200303", "spans_p20200312")
                .contains("spans_p20200313", "spans_p20200323");
        assertThat(logPartitions()).doesNotContain("log_records_p20200312").contains("log_records_p20200313");
    }

    private List<String> spanPartitions() {
        return partitions("spans");
    }

    private List<String> logPartitions() {
        return partitions("log_records");
    }

    private List<String> partitions(String table) {
        return jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ? ORDER BY 1""")
                .param(table).query(String.class).list();
    }
}
