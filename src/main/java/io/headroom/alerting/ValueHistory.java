package io.headroom.alerting;

/**
 * What an alert's rule watched over a stretch of time, for the alert page's chart: the KPI's
 * series for the alert's service and the threshold it was held against (null for burn-rate
 * rules, whose chart is the error rate their budget is spent by).
 */
public record ValueHistory(String label, String unit, long[] timestamps, Double[] values, Double threshold) {
}
