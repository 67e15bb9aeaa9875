package io.headroom.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/** The fleet-wide figures of the Executive view and {@code GET /api/v1/fleet}. */
@Service
public class Fleet {

    private final ServiceKpis kpis;
    private final Slos slos;
    private final Clock clock;

    Fleet(ServiceKpis kpis, Slos slos, Clock clock) {
        this.kpis = kpis;
        this.slos = slos;
        this.clock = clock;
    }

    /** [from, to) in whole minutes, to now at the latest, beside the period of the same length before it. */
    public FleetSummary summary(Instant start, Instant to) {
        Instant now = clock.instant();
        Instant from = start.truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.isAfter(now) ? now : to;
        Duration length = Duration.between(from, end);
        Instant previousFrom = from.minus(length);
        FleetPeriod current = FleetPeriod.of(from, end, kpis.summaries(from, end));
        FleetPeriod previous = FleetPeriod.of(previousFrom, from, kpis.summaries(previousFrom, from));

        List<SloStatus> statuses = slos.statuses().values().stream()
                .sorted(Comparator.comparing(Fleet::lowestBudget, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(status -> status.slo().service()))
                .toList();
        int met = (int) statuses.stream().filter(Fleet::met).count();
        SloStatus lowest = statuses.stream().filter(status -> lowestBudget(status) != null).findFirst().orElse(null);
        return new FleetSummary(current, previous, statuses, met, lowest == null ? null : lowestBudget(lowest),
                lowest == null ? null : lowest.slo().service());
    }

    private static Double lowestBudget(SloStatus status) {
        return status.objectives().stream().map(SloStatus.Objective::errorBudgetRemaining).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** Every objective's SLI at or above its target (an objective without requests is not missed). */
    private static boolean met(SloStatus status) {
        return status.objectives().stream().allMatch(objective -> objective.sli() == null || objective.sli() >= objective.target());
    }
}
