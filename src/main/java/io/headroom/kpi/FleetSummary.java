package io.headroom.kpi;

import java.util.List;

/**
 * The fleet now and in the period before, for trends, and where each service with an SLO stands.
 *
 * @param previous the period of the same length that ended when {@code current} began
 * @param slos services with an SLO, the one with the least error budget left first
 * @param lowestBudgetRemaining the least error budget left of any objective (null without SLOs or requests)
 */
public record FleetSummary(FleetPeriod current, FleetPeriod previous, List<SloStatus> slos, int slosMet, Double lowestBudgetRemaining,
        String lowestBudgetService) {
}
