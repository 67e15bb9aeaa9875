package io.headroom.kpi;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.headroom.kpi.SloStatus.AlertLevel;
import io.headroom.kpi.SloStatus.Objective;
import io.headroom.store.ServiceRollupQueries;
import io.headroom.store.ServiceRollupQueries.SloBucket;
import io.headroom.store.SloRecords;
import io.headroom.store.SloRecords.StoredSlo;
import org.springframework.stereotype.Service;

/**
 * Service level objectives: defined per service, evaluated from the rollups (hours where no burn
 * window starts inside one, minutes elsewhere) into error
 * budget, burn rates and an alert level. Statuses are kept for a short while, because the
 * overview asks for every service's every few seconds and a 30-day window is 43,200 rollups.
 */
@Service
public class Slos {

    static final Duration STATUS_REUSE = Duration.ofSeconds(15);

    private record Computed(Instant at, SloStatus status) {
    }

    private final SloRecords records;
    private final ServiceRollupQueries rollups;
    private final Clock clock;
    private final Map<String, Computed> recent = new ConcurrentHashMap<>();

    Slos(SloRecords records, ServiceRollupQueries rollups, Clock clock) {
        this.records = records;
        this.rollups = rollups;
        this.clock = clock;
    }

    @PreAuthorize(Roles.ADMIN)
    @Audited("kpi.slo-define")
    public Slo define(Slo slo) {
        records.save(new StoredSlo(slo.service(), slo.availabilityTarget(), slo.latencyTarget(), slo.latencyThresholdMs(),
                slo.windowDays(), clock.instant()));
        recent.remove(slo.service());
        return slo;
    }

    /** @return whether the service had one */
    @PreAuthorize(Roles.ADMIN)
    @Audited("kpi.slo-remove")
    public boolean remove(String service) {
        recent.remove(service);
        return records.delete(service);
    }

    public Optional<Slo> find(String service) {
        return records.find(service).map(Slos::slo);
    }

    /** The service's standing against its SLO now, or empty when it has none. */
    public Optional<SloStatus> status(String service) {
        return find(service).map(this::statusOf);
    }

    /** Every SLO's status, by service. */
    public Map<String, SloStatus> statuses() {
        var statuses = new java.util.TreeMap<String, SloStatus>();
        for (StoredSlo stored : records.all()) {
            statuses.put(stored.service(), statusOf(slo(stored)));
        }
        return statuses;
    }

    private SloStatus statusOf(Slo slo) {
        Instant now = clock.instant();
        Computed computed = recent.get(slo.service());
        if (computed != null && computed.status().slo().equals(slo) && computed.at().plus(STATUS_REUSE).isAfter(now)
                && !computed.at().isAfter(now)) {
            return computed.status();
        }
        SloStatus status = compute(slo, now);
        recent.put(slo.service(), new Computed(now, status));
        return status;
    }

    private SloStatus compute(Slo slo, Instant now) {
        Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant from = currentMinute.minus(Duration.ofDays(slo.windowDays())).plus(Duration.ofMinutes(1));
        // Each burn window is summed from its first minute on: no hour of the hourly tier may straddle one.
        var boundaries = new ArrayList<Instant>();
        SloMath.BURN_WINDOWS.values().forEach(window -> boundaries.add(currentMinute.minus(window).plus(Duration.ofMinutes(1))));
        Long thresholdNanos = slo.latencyTarget() == null ? null : Math.round(slo.latencyThresholdMs() * 1e6);
        List<SloBucket> buckets = rollups.sloBuckets(slo.service(), from, currentMinute.plus(Duration.ofMinutes(1)), boundaries,
                thresholdNanos);
        int n = buckets.size();
        long[] starts = new long[n];
        long[] total = new long[n];
        long[] succeeded = new long[n];
        long[] fastEnough = new long[n];
        for (int i = 0; i < n; i++) {
            SloBucket bucket = buckets.get(i);
            starts[i] = bucket.start().getEpochSecond();
            total[i] = bucket.requests();
            succeeded[i] = bucket.requests() - bucket.errors();
            fastEnough[i] = bucket.fastEnough();
        }
        var objectives = new ArrayList<Objective>(2);
        if (slo.availabilityTarget() != null) {
            objectives.add(SloMath.objective("availability", slo.availabilityTarget(), null, starts, total, succeeded,
                    currentMinute.getEpochSecond(), slo.windowDays()));
        }
        if (slo.latencyTarget() != null) {
            objectives.add(SloMath.objective("latency", slo.latencyTarget(), slo.latencyThresholdMs(), starts, total, fastEnough,
                    currentMinute.getEpochSecond(), slo.windowDays()));
        }
        AlertLevel worst = objectives.stream().map(Objective::alert).max(Enum::compareTo).orElse(AlertLevel.OK);
        return new SloStatus(slo, now, List.copyOf(objectives), worst);
    }

    private static Slo slo(StoredSlo stored) {
        return new Slo(stored.service(), stored.availabilityTarget(), stored.latencyTarget(), stored.latencyThresholdMs(),
                stored.windowDays());
    }
}
