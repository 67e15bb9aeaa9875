package io.headroom.alerting.ui;

import io.headroom.alerting.AlertTemplate;
import io.headroom.alerting.AlertView;
import io.headroom.ui.Formats;

/**
 * An alert's value in the unit of what it measures, as the service pages show that KPI: "453 ms",
 * "5.2 %", "12 req/s", "burn rate 14.4×". A value whose measure is unknown (the rule is gone) is
 * humanized as the templates humanize it.
 */
final class AlertValueText {

    private AlertValueText() {
    }

    static String of(Double value, String measure) {
        if (value == null) {
            return "";
        }
        if (measure == null) {
            return AlertTemplate.humanize(value);
        }
        return switch (measure) {
            case "p50", "p95", "p99" -> Formats.millis(value);
            case "error_rate" -> Formats.percent(value);
            case "throughput" -> Formats.rate(value);
            case "cost_per_hour" -> Formats.money(value) + "/h";
            case "cost_per_1k_requests" -> Formats.money(value) + " per 1k requests";
            case AlertView.BURN_RATE -> "burn rate " + AlertTemplate.humanize(value) + "×";
            default -> Formats.number(value);
        };
    }

    static String of(AlertView alert) {
        return of(alert.value(), alert.measure());
    }
}
