package io.headroom.kpi.ui;

import java.time.Duration;

/** The windows the service views offer. */
enum WindowChoice {
    FIVE_MINUTES("Last 5 minutes", Duration.ofMinutes(5), Duration.ofMinutes(1)),
    ONE_HOUR("Last hour", Duration.ofHours(1), Duration.ofMinutes(1)),
    ONE_DAY("Last 24 hours", Duration.ofDays(1), Duration.ofMinutes(5));

    final String label;
    final Duration window;
    final Duration chartStep;

    WindowChoice(String label, Duration window, Duration chartStep) {
        this.label = label;
        this.window = window;
        this.chartStep = chartStep;
    }

    static WindowChoice fromParameter(String value) {
        if (value != null) {
            for (WindowChoice choice : values()) {
                if (choice.parameter().equals(value)) {
                    return choice;
                }
            }
        }
        return FIVE_MINUTES;
    }

    String parameter() {
        return switch (this) {
            case FIVE_MINUTES -> "5m";
            case ONE_HOUR -> "1h";
            case ONE_DAY -> "24h";
        };
    }
}
