package io.headroom.kpi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.headroom.kpi.SloStatus.AlertLevel;
import io.headroom.kpi.SloStatus.Objective;

/**
 * Error budget and burn rates of one objective from per-minute good and total counts, and the
 * alert level of the multiwindow, multi-burn-rate method (SRE workbook, "Alerting on SLOs"):
 * page when the last hour and the last 5 minutes both burn 2 % of the budget's window an hour
 * (14.4 for 30 days), or the last 6 hours and 30 minutes both burn 5 % in 6 hours (6); open a
 * ticket when a day and 2 hours burn 10 % in a day (3), or 3 days and 6 hours 10 % in 3 days (1).
 * The thresholds scale with the SLO window, so a 7-day SLO pages on the same share of its budget.
 */
final class SloMath {

    static final Map<String, Duration> BURN_WINDOWS = windows();

    private SloMath() {
    }

    private static Map<String, Duration> windows() {
        var windows = new LinkedHashMap<String, Duration>();
        windows.put("5m", Duration.ofMinutes(5));
        windows.put("30m", Duration.ofMinutes(30));
        windows.put("1h", Duration.ofHours(1));
        windows.put("2h", Duration.ofHours(2));
        windows.put("6h", Duration.ofHours(6));
        windows.put("1d", Duration.ofDays(1));
        windows.put("3d", Duration.ofDays(3));
        return windows;
    }

    /**
     * @param minuteStarts epoch seconds of each minute, ascending, all within the SLO window
     * @param currentMinute the epoch second the current (partial) minute starts at; a window of w covers the minutes from currentMinute - w + 1 minute on
     */
    static Objective objective(String kind, double target, Double thresholdMs, long[] minuteStarts, long[] total, long[] good,
            long currentMinute, int windowDays) {
        long allTotal = 0;
        long allGood = 0;
        for (int i = 0; i < total.length; i++) {
            allTotal += total[i];
            allGood += good[i];
        }
        double allowedBad = 1 - target;
        Double sli = allTotal == 0 ? null : allGood / (double) allTotal;
        Double remaining = allTotal == 0 ? null : 1 - (allTotal - allGood) / (allowedBad * allTotal);
        var burns = new LinkedHashMap<String, Double>();
        BURN_WINDOWS.forEach((name, window) -> burns.put(name, burnRate(window, minuteStarts, total, good, currentMinute, allowedBad)));
        return new Objective(kind, target, thresholdMs, allTotal, allGood, sli, remaining, burns, alert(burns, windowDays));
    }

    private static Double burnRate(Duration window, long[] minuteStarts, long[] total, long[] good, long currentMinute,
            double allowedBad) {
        long from = currentMinute - window.toSeconds() + 60;
        long windowTotal = 0;
        long windowGood = 0;
        for (int i = minuteStarts.length - 1; i >= 0 && minuteStarts[i] >= from; i--) {
            windowTotal += total[i];
            windowGood += good[i];
        }
        return windowTotal == 0 ? null : (windowTotal - windowGood) / (double) windowTotal / allowedBad;
    }

    static AlertLevel alert(Map<String, Double> burns, int windowDays) {
        double windowHours = windowDays * 24.0;
        if (both(burns, "1h", "5m", 0.02 * windowHours / 1) || both(burns, "6h", "30m", 0.05 * windowHours / 6)) {
            return AlertLevel.PAGE;
        }
        if (both(burns, "1d", "2h", 0.10 * windowHours / 24) || both(burns, "3d", "6h", 0.10 * windowHours / 72)) {
            return AlertLevel.TICKET;
        }
        return AlertLevel.OK;
    }

    private static boolean both(Map<String, Double> burns, String longWindow, String shortWindow, double threshold) {
        Double longBurn = burns.get(longWindow);
        Double shortBurn = burns.get(shortWindow);
        return longBurn != null && shortBurn != null && longBurn >= threshold && shortBurn >= threshold;
    }
}
