package io.headroom.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Comparison;
import io.headroom.kpi.ServiceSummary;

/**
 * Steady-state bounds proposed from a service's recent history: p99 below 1.5 times what it was
 * (at least 50 ms above it, rounded up to 10 ms) and the error rate below twice what it was (at
 * least 1 %). The margin keeps ordinary noise from aborting a run while an injected fault that
 * users would notice still breaks it.
 *
 * @param conditions empty when the window had no requests
 */
public record SteadyStateProposal(String service, Instant from, Instant to, long requests, Double p99Ms, Double errorRate,
        List<SteadyStateCondition> conditions) {

    static SteadyStateProposal of(String service, Instant from, Instant to, ServiceSummary summary) {
        if (summary == null || summary.requests() == 0) {
            return new SteadyStateProposal(service, from, to, 0, null, null, List.of());
        }
        var conditions = new ArrayList<SteadyStateCondition>();
        if (summary.p99Ms() != null) {
            double bound = Math.max(summary.p99Ms() * 1.5, summary.p99Ms() + 50);
            conditions.add(new SteadyStateCondition(AlertKpi.P99, Comparison.BELOW, roundUp(bound, 10)));
        }
        double errorBound = Math.max(summary.errorRate() * 2, 0.01);
        conditions.add(new SteadyStateCondition(AlertKpi.ERROR_RATE, Comparison.BELOW, roundUp(errorBound, 0.001)));
        return new SteadyStateProposal(service, from, to, summary.requests(), summary.p99Ms(), summary.errorRate(), List.copyOf(conditions));
    }

    /** Up to a multiple of {@code unit}; a product like 0.03 × 2 = 0.06000000000000001 stays 0.06. */
    private static double roundUp(double value, double unit) {
        return Math.ceil(value / unit - 1e-9) * unit;
    }
}
