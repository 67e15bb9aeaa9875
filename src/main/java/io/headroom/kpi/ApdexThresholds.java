package io.headroom.kpi;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.headroom.store.SloRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The Apdex target time T of each service: set per service, else {@code headroom.kpi.apdex-threshold} (500 ms, as New Relic's default). */
@Service
public class ApdexThresholds {

    static final double MAX_MS = 60_000;

    private final SloRecords records;
    private final Clock clock;
    private final double defaultMs;

    ApdexThresholds(SloRecords records, Clock clock, @Value("${headroom.kpi.apdex-threshold:500ms}") Duration defaultThreshold) {
        this.records = records;
        this.clock = clock;
        this.defaultMs = defaultThreshold.toNanos() / 1e6;
    }

    /** @throws IllegalArgumentException unless 0 < thresholdMs ≤ 60000 */
    @PreAuthorize(Roles.ADMIN)
    @Audited("kpi.apdex")
    public double set(String service, double thresholdMs) {
        if (!(thresholdMs > 0 && thresholdMs <= MAX_MS)) {
            throw new IllegalArgumentException("thresholdMs must be above 0 and at most 60000, was " + thresholdMs);
        }
        records.saveApdexThreshold(service, thresholdMs, clock.instant());
        return thresholdMs;
    }

    public double of(String service) {
        return records.apdexThresholds().getOrDefault(service, defaultMs);
    }

    /** Every service's own T; others use {@link #defaultMs()}. */
    Map<String, Double> all() {
        return records.apdexThresholds();
    }

    double defaultMs() {
        return defaultMs;
    }
}
