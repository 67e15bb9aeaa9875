package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import io.headroom.store.CapacityRecords.InstanceChange;
import org.junit.jupiter.api.Test;

/** Cost per hour, per transaction and per 1,000 requests on a scripted scenario whose answers are worked out by hand. */
class CapacityTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(3600);

    @Test
    void aServiceThatScaledMidWindowCostsItsInstanceHoursTimesThePrice() {
        // 2 instances for 30 min, then 4 for 30 min, at 0.10 an instance-hour: 3 instance-hours, 0.30.
        // 36,000 requests in the hour: 10 req/s, so 0.30 / 36,000 per request.
        var timeline = new InstanceTimeline(List.of(new InstanceChange(T0, 2), new InstanceChange(T0.plusSeconds(1800), 4)));
        Capacity capacity = Capacity.of(timeline, 0.10, T0, T1, 10.0);

        assertThat(capacity.instances()).isEqualTo(4);
        assertThat(capacity.costPerHour()).isCloseTo(0.40, within(1e-12));
        assertThat(capacity.instanceHours()).isCloseTo(3.0, within(1e-12));
        assertThat(capacity.cost()).isCloseTo(0.30, within(1e-12));
        assertThat(capacity.costPerRequest()).isCloseTo(0.30 / 36_000, within(1e-15));
        assertThat(capacity.costPer1kRequests()).isCloseTo(0.30 / 36, within(1e-12));
    }

    @Test
    void costPerRequestUsesOnlyThePartOfTheWindowWhoseInstancesAreKnown() {
        // Recorded only for the last 15 minutes, at 3 instances of 0.20: 0.60 an hour whatever the window.
        var timeline = new InstanceTimeline(List.of(new InstanceChange(T1.minusSeconds(900), 3)));
        Capacity capacity = Capacity.of(timeline, 0.20, T0, T1, 5.0);

        assertThat(capacity.instanceHours()).isCloseTo(0.75, within(1e-12));
        assertThat(capacity.cost()).isCloseTo(0.15, within(1e-12));
        // 0.60 per hour over 18,000 requests per hour.
        assertThat(capacity.costPerRequest()).isCloseTo(0.60 / 18_000, within(1e-15));
    }

    @Test
    void whatIsNotKnownIsNullNotZero() {
        var timeline = new InstanceTimeline(List.of(new InstanceChange(T0, 2)));
        Capacity noPrice = Capacity.of(timeline, null, T0, T1, 10.0);
        assertThat(noPrice.instances()).isEqualTo(2);
        assertThat(noPrice.instanceHours()).isCloseTo(2.0, within(1e-12));
        assertThat(noPrice.cost()).isNull();
        assertThat(noPrice.costPerRequest()).isNull();

        Capacity noRequests = Capacity.of(timeline, 0.10, T0, T1, 0);
        assertThat(noRequests.cost()).isCloseTo(0.20, within(1e-12));
        assertThat(noRequests.costPerRequest()).isNull();
        assertThat(noRequests.costPer1kRequests()).isNull();

        Capacity noInstances = Capacity.of(new InstanceTimeline(List.of()), 0.10, T0, T1, 10.0);
        assertThat(noInstances.instances()).isNull();
        assertThat(noInstances.pricePerInstanceHour()).isEqualTo(0.10);
        assertThat(noInstances.cost()).isNull();
    }
}
