package io.headroom.chaos;

import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Comparison;

/**
 * One KPI bound of an experiment's steady-state hypothesis, such as {@code p99 < 300} (ms) or
 * {@code error_rate < 0.01}: it holds while the service's KPI over the check window compares so
 * with the threshold. A window without requests measures nothing, which does not break it.
 */
public record SteadyStateCondition(AlertKpi kpi, Comparison comparison, double threshold) {

    public SteadyStateCondition {
        if (kpi == null || comparison == null) {
            throw new IllegalArgumentException("a steady-state condition needs a kpi and a comparison");
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("the threshold of " + kpi.key() + " must be a number");
        }
        if (kpi == AlertKpi.ERROR_RATE && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("error_rate is a fraction: its threshold must be between 0 and 1 (0.01 is 1 %)");
        }
    }

    /** @return null when nothing was measured */
    public Boolean holds(Double value) {
        return value == null ? null : comparison.holds(value, threshold);
    }

    /** "p99 < 300 ms", "error_rate < 1 %". */
    public String describe() {
        return kpi.key() + " " + comparison.symbol() + " " + KpiText.of(kpi, threshold);
    }
}
