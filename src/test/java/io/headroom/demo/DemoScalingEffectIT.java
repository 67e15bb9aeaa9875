package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import io.headroom.TestUsers;
import io.headroom.scaling.Scaling;
import io.headroom.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Under constant load, the fleet's overloaded payments service (see {@link DemoFleetTest})
 * queues requests; scaling it to four instances cuts its p99 to less than half within a minute.
 * Asserts the direction and rough size, not exact numbers. The p99 is over the requests it served
 * (a shed request, 503 at once, would only pull it down).
 */
@DemoFleetTest
class DemoScalingEffectIT {

    @Autowired
    Scaling scaling;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecurityContextHolderStrategy security;

    @Test
    void scalingAnOverloadedServiceLowersItsP99() {
        await().atMost(Duration.ofSeconds(40)).until(() -> samples("20 seconds") > 50);
        double before = p99("20 seconds");

        TestUsers.as(security, Role.OPERATOR, () -> scaling.scaleTo("payments", 4));
        assertThat(before).as("one worker at utilisation above 1 queues requests").isGreaterThan(200);
        // The queue built up before drains first; then the last 12 s hold only the new regime's requests.
        Instant scaled = Instant.now();
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(60))
                .until(() -> samples("12 seconds") > 50 && p99("12 seconds") < before / 2);
        System.out.printf("DemoScalingEffectIT: payments p99 %.0f ms at one instance, %.0f ms at four, %d s after scaling%n",
                before, p99("12 seconds"), Duration.between(scaled, Instant.now()).toSeconds());
    }

    private long samples(String window) {
        return jdbc.sql("SELECT count(*) FROM spans WHERE service_name = 'payments' AND kind = 2 AND start_time > now() - ?::interval")
                .param(window).query(Long.class).single();
    }

    private double p99(String window) {
        return jdbc.sql("""
                SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ns) / 1e6 FROM spans
                WHERE service_name = 'payments' AND kind = 2 AND status_code <> 2 AND start_time > now() - ?::interval""")
                .param(window).query(Double.class).single();
    }

}
