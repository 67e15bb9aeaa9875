package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.headroom.kpi.Capacity;
import io.headroom.kpi.ServiceSummary;
import org.junit.jupiter.api.Test;

class SteadyStateProposalTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private static ServiceSummary summary(long requests, double errorRate, Double p99) {
        return new ServiceSummary("billing", requests, Math.round(requests * errorRate), requests, requests / 604800.0, errorRate, 5.0,
                50.0, p99, 0.99, 500, NOW, new Capacity(null, null, null, null, null, null, null));
    }

    @Test
    void boundsLeaveAMarginAboveTheLastSevenDays() {
        SteadyStateProposal p = SteadyStateProposal.of("billing", NOW.minusSeconds(604800), NOW, summary(100_000, 0.002, 183.0));
        assertThat(p.conditions()).extracting(SteadyStateCondition::describe).containsExactly("p99 < 280 ms", "error_rate < 1 %");
    }

    @Test
    void aFastServiceGetsAtLeastFiftyMillisecondsAndANoisyOneTwiceItsErrorRate() {
        SteadyStateProposal p = SteadyStateProposal.of("auth", NOW.minusSeconds(604800), NOW, summary(100_000, 0.03, 12.0));
        assertThat(p.conditions()).extracting(SteadyStateCondition::threshold).containsExactly(70.0, 0.06);
    }

    @Test
    void withoutRequestsNothingIsProposed() {
        assertThat(SteadyStateProposal.of("idle", NOW.minusSeconds(604800), NOW, summary(0, 0, null)).conditions()).isEmpty();
        assertThat(SteadyStateProposal.of("idle", NOW.minusSeconds(604800), NOW, null).conditions()).isEmpty();
    }
}
