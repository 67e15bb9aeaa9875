package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FleetPeriodTest {

    private static final Instant FROM = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-05T11:00:00Z");

    /**
     * A gateway took 36,000 transactions in the hour and called two services for each of them,
     * one of which failed 360 times; the gateway (2 instances at 0.10) and api (1 at 0.50) are
     * priced, auth is not.
     */
    @Test
    void transactionsCountTracesOnceAndCostCoversThePricedServices() {
        var gateway = summary("gateway", 36_000, 0, 36_000, new Capacity(2, 0.10, 0.20, 2.0, 0.20, null, null));
        var api = summary("api", 36_000, 360, 0, new Capacity(1, 0.50, 0.50, 1.0, 0.50, null, null));
        var auth = summary("auth", 36_000, 0, 0, new Capacity(3, null, null, 3.0, null, null, null));

        FleetPeriod period = FleetPeriod.of(FROM, TO, List.of(gateway, api, auth));

        assertThat(period.services()).isEqualTo(3);
        assertThat(period.transactions()).isEqualTo(36_000);
        assertThat(period.transactionsPerSecond()).isEqualTo(10.0);
        assertThat(period.requests()).isEqualTo(108_000);
        assertThat(period.availability()).isCloseTo(1 - 360 / 108_000.0, within(1e-12));
        assertThat(period.pricedServices()).isEqualTo(2);
        assertThat(period.costPerHour()).isCloseTo(0.70, within(1e-12));
        assertThat(period.cost()).isCloseTo(0.70, within(1e-12));
        assertThat(period.costPer1kTransactions()).isCloseTo(0.70 / 36, within(1e-12));
    }

    @Test
    void withoutRequestsOrPricesTheFiguresAreUnknownNotZero() {
        FleetPeriod period = FleetPeriod.of(FROM, TO, List.of(summary("idle", 0, 0, 0, new Capacity(null, null, null, null, null, null, null))));
        assertThat(period.availability()).isNull();
        assertThat(period.cost()).isNull();
        assertThat(period.costPerHour()).isNull();
        assertThat(period.costPer1kTransactions()).isNull();
        assertThat(period.services()).as("services that had requests").isZero();
        assertThat(FleetPeriod.of(FROM, TO, List.of()).transactionsPerSecond()).isZero();
    }

    private static ServiceSummary summary(String service, long requests, long errors, long transactions, Capacity capacity) {
        return new ServiceSummary(service, requests, errors, transactions, requests / 3600.0, requests == 0 ? 0 : errors / (double) requests,
                null, null, null, null, 500, TO, capacity);
    }
}
