package io.headroom.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a service stands against its objectives now.
 *
 * @param alert the most urgent alert level of its objectives
 */
public record SloStatus(Slo slo, Instant at, List<Objective> objectives, AlertLevel alert) {

    /** The multiwindow, multi-burn-rate levels of the SRE workbook (chapter 5). */
    public enum AlertLevel { OK, TICKET, PAGE }

    /**
     * One objective over the SLO window.
     *
     * @param sli the share of good requests over the SLO window; null without requests
     * @param errorBudgetRemaining 1 when nothing of the budget is spent, 0 when all is, below 0 when overspent; null without requests
     * @param burnRates over 5m, 30m, 1h, 2h, 6h, 1d and 3d: the bad share divided by the allowed share (1 spends the budget exactly in the window); null without requests in that window
     */
    public record Objective(String kind, double target, Double thresholdMs, long totalRequests, long goodRequests, Double sli,
            Double errorBudgetRemaining, Map<String, Double> burnRates, AlertLevel alert) {
    }
}
