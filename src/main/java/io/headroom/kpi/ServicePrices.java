package io.headroom.kpi;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.headroom.store.CapacityRecords;
import io.headroom.store.CapacityRecords.Price;
import org.springframework.stereotype.Service;

/**
 * What one instance-hour of each service costs: set by an operator (UI or API), or offered by
 * the scale target that runs it as its list price. An operator's price is never overwritten.
 */
@Service
public class ServicePrices {

    /** A sanity bound: no instance costs a million an hour; a value past it is a typo. */
    static final double MAX_PER_INSTANCE_HOUR = 1_000_000;

    private final CapacityRecords records;
    private final Clock clock;
    private final Map<String, Double> offered = new ConcurrentHashMap<>();

    ServicePrices(CapacityRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the price is negative, not a number, or implausibly large */
    @PreAuthorize(Roles.ADMIN)
    @Audited("kpi.price")
    public Price set(String service, double perInstanceHour) {
        return records.setUserPrice(service, valid(perInstanceHour), clock.instant());
    }

    /** A scale target's price, kept unless an operator has set one. Offering the same price again costs no query. */
    public void offerListPrice(String service, double perInstanceHour) {
        Double before = offered.put(service, valid(perInstanceHour));
        if (before == null || before != perInstanceHour) {
            records.offerListPrice(service, perInstanceHour, clock.instant());
        }
    }

    public Optional<Price> price(String service) {
        return records.price(service);
    }

    Map<String, Price> all() {
        return records.prices();
    }

    static double valid(double perInstanceHour) {
        if (!(perInstanceHour >= 0 && perInstanceHour <= MAX_PER_INSTANCE_HOUR)) {
            throw new IllegalArgumentException("price per instance-hour must be between 0 and %,.0f, was %s"
                    .formatted(MAX_PER_INSTANCE_HOUR, perInstanceHour));
        }
        return perInstanceHour;
    }
}
