package io.headroom.chaos;

import java.util.Locale;

import io.headroom.alerting.AlertKpi;

/** A KPI value in its unit, as experiment checks and reports print it: "842 ms", "1.2 %", "38 req/s". */
final class KpiText {

    private KpiText() {
    }

    static String of(AlertKpi kpi, Double value) {
        if (value == null) {
            return "no requests";
        }
        return switch (kpi) {
            case ERROR_RATE -> number(value * 100) + " %";
            case P50, P95, P99 -> number(value) + " ms";
            case THROUGHPUT -> number(value) + " req/s";
            default -> number(value);
        };
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return Long.toString((long) value);
        }
        return Math.abs(value) >= 100 ? Long.toString(Math.round(value))
                : String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
