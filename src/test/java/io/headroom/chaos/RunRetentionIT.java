package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.headroom.HeadroomIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs that ended more than 90 days ago go, with their timelines; younger ones stay. */
@HeadroomIntegrationTest
class RunRetentionIT {

    @Autowired
    RunRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOlderThanTheRetentionGoWithTheirEvents() {
        Instant now = Instant.now();
        long old = run("retention-old", now.minus(Duration.ofDays(91)));
        long recent = run("retention-recent", now.minus(Duration.ofDays(89)));
        try {
            assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

            assertThat(count("SELECT count(*) FROM chaos_runs WHERE id = ?", old)).isZero();
            assertThat(count("SELECT count(*) FROM chaos_run_events WHERE run_id = ?", old)).isZero();
            assertThat(count("SELECT count(*) FROM chaos_runs WHERE id = ?", recent)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM chaos_run_events WHERE run_id = ?", recent)).isEqualTo(1);
        } finally {
            jdbc.sql("DELETE FROM chaos_runs WHERE id IN (?, ?)").params(old, recent).update();
        }
    }

    private long run(String service, Instant ended) {
        long id = jdbc.sql("""
                INSERT INTO chaos_runs (experiment_name, service, definition, started_by, started_at, status, ended_at, end_reason,
                    owner, heartbeat_at)
                VALUES ('retention', ?, '{}'::jsonb, 'admin', ?, 'COMPLETED', ?, 'duration over', 'test', ?) RETURNING id""")
                .params(service, Timestamp.from(ended.minusSeconds(60)), Timestamp.from(ended), Timestamp.from(ended))
                .query(Long.class).single();
        jdbc.sql("INSERT INTO chaos_run_events (run_id, at, kind, message) VALUES (?, ?, 'FAULT_STARTED', 'latency')")
                .params(id, Timestamp.from(ended.minusSeconds(60))).update();
        return id;
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
