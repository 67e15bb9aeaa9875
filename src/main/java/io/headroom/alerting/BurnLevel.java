package io.headroom.alerting;

import java.util.Locale;

import io.headroom.kpi.SloStatus.AlertLevel;

/**
 * The two alerts of the SRE workbook's multiwindow, multi-burn-rate method: PAGE (2 % of the
 * budget in an hour, or 5 % in six) and TICKET (10 % in a day, or in three days).
 */
public enum BurnLevel {
    PAGE("critical"),
    TICKET("warning");

    private final String severity;

    BurnLevel(String severity) {
        this.severity = severity;
    }

    /** The {@code severity} label its alerts carry. */
    public String severity() {
        return severity;
    }

    /** Whether an SLO at {@code level} is burning at least this fast. */
    public boolean reachedBy(AlertLevel level) {
        return this == PAGE ? level == AlertLevel.PAGE : level != AlertLevel.OK;
    }

    public static BurnLevel of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("burnLevel must be page or ticket; was '" + text + "'");
        }
    }
}
