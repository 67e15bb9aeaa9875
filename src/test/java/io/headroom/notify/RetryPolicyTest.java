package io.headroom.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.headroom.notify.RetryPolicy.Attempt;
import io.headroom.notify.RetryPolicy.Decision;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant CREATED = Instant.parse("2026-12-06T10:00:00Z");
    /** Jitter fixed at its top: the full exponential delay. */
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1), () -> 1.0);

    private static Decision after(Integer status, int attempts) {
        return POLICY.decide(new Attempt(status, null, status == null ? "no answer within 10 s" : null), attempts, CREATED, CREATED);
    }

    @Test
    void deliveredOn2xx() {
        assertThat(after(200, 1).delivered()).isTrue();
        assertThat(after(204, 3).delivered()).isTrue();
    }

    @Test
    void retriesServerErrorsTimeoutsAndTooManyRequestsWithGrowingDelays() {
        assertThat(after(500, 1).retryAt()).isEqualTo(CREATED.plusSeconds(2));
        assertThat(after(503, 2).retryAt()).isEqualTo(CREATED.plusSeconds(4));
        assertThat(after(null, 3).retryAt()).isEqualTo(CREATED.plusSeconds(8));
        assertThat(after(429, 4).retryAt()).isEqualTo(CREATED.plusSeconds(16));
        assertThat(after(500, 30).retryAt()).as("capped").isEqualTo(CREATED.plusSeconds(300));
        Decision honoured = POLICY.decide(new Attempt(429, Duration.ofSeconds(90), null), 1, CREATED, CREATED);
        assertThat(honoured.retryAt()).as("Retry-After when longer").isEqualTo(CREATED.plusSeconds(90));
    }

    @Test
    void jitterSpreadsRetriesOverTheUpperHalf() {
        var low = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1), () -> 0.0);
        assertThat(low.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(POLICY.backoff(3)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void givesUpOnClientErrorsRedirectsAndAfterTheDeadline() {
        assertThat(after(400, 1).reason()).contains("HTTP 400").contains("not retried");
        assertThat(after(410, 1).reason()).contains("HTTP 410");
        assertThat(after(302, 1).reason()).contains("redirect");
        Decision late = POLICY.decide(new Attempt(500, null, null), 9, CREATED, CREATED.plus(Duration.ofMinutes(59)));
        assertThat(late.retryAt()).isNull();
        assertThat(late.reason()).contains("gave up after 9 attempts").contains("HTTP 500");
    }
}
