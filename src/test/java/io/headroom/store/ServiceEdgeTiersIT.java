package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service map's two tiers: whole hours are summed from their minutes, and a range read from
 * both (minutes before the first whole hour, hours, minutes after the last) counts every call once.
 */
@HeadroomIntegrationTest
class ServiceEdgeTiersIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceEdgeRollups edges;

    @Test
    void aRangeAcrossWholeHoursCountsEachMinuteOnce() {
        String caller = TestObjects.uniqueService("caller");
        String callee = TestObjects.uniqueService("callee");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        var latency = new LatencyHistogram();
        latency.recordNanos(20_000_000L);
        // One call a minute, each minute of three hours from an hour before `hour`; every 10th minute fails.
        for (int m = -60; m < 120; m++) {
            jdbc.sql("""
                    INSERT INTO service_edge_rollup_1m (minute, caller, callee, call_count, error_count, latency_histogram)
                    VALUES (?, ?, ?, 1, ?, ?)""")
                    .params(Timestamp.from(hour.plus(Duration.ofMinutes(m))), caller, callee, m % 10 == 0 ? 1 : 0, latency.encode())
                    .update();
        }
        // Those hours were summed long ago in a real store; here the job is sent back to sum them again.
        jdbc.sql("UPDATE service_edge_progress SET hours_until = ?").param(Timestamp.from(hour.minus(Duration.ofHours(1)))).update();
        // The scheduled run may hold the job's lock at that moment; either run sums the hours.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            edges.rollUp();
            return jdbc.sql("SELECT call_count FROM service_edge_rollup_1h WHERE caller = ? ORDER BY hour").param(caller)
                    .query(Long.class).list();
        }, counts -> counts.equals(List.of(60L, 60L, 60L)));
        // From 30 minutes before `hour` to 90 minutes after: 30 minutes, one whole hour, 30 minutes.
        List<ServiceEdgeRollups.Edge> found = edges.edges(hour.minus(Duration.ofMinutes(30)), hour.plus(Duration.ofMinutes(90)))
                .stream().filter(edge -> edge.caller().equals(caller)).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).calls()).isEqualTo(120);
        assertThat(found.get(0).errors()).isEqualTo(12);
        assertThat(found.get(0).latency().count()).isEqualTo(120);
        assertThat(found.get(0).firstMinute()).isEqualTo(hour.minus(Duration.ofMinutes(30)));
    }
}
