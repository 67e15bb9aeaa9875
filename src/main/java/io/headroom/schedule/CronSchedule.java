package io.headroom.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.scheduling.support.CronExpression;

/**
 * When something recurs: a cron expression read in a time zone, so 08:00 stays 08:00 across
 * daylight saving. Five fields (minute first, as crontab) or Spring's six (seconds first).
 */
public record CronSchedule(String cron, ZoneId zone) {

    public CronSchedule {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("a schedule needs a cron expression such as '0 8 * * MON-FRI'");
        }
        cron = cron.trim();
        try {
            CronExpression.parse(sixFields(cron));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cron '" + cron + "' is not a cron expression: " + e.getMessage(), e);
        }
        if (zone == null) {
            throw new IllegalArgumentException("a schedule needs a time zone such as Europe/Berlin or UTC");
        }
    }

    /** @throws IllegalArgumentException naming the zone */
    public static ZoneId zone(String text) {
        try {
            return ZoneId.of(text == null ? "" : text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone must be a time zone such as Europe/Berlin or UTC; was '" + text + "'", e);
        }
    }

    /** The first time it fires after {@code after}; null if it never does. */
    public Instant next(Instant after) {
        ZonedDateTime fired = CronExpression.parse(sixFields(cron)).next(after.atZone(zone));
        return fired == null ? null : fired.toInstant();
    }

    /** The last time it fired in (from, to]; null if it did not. */
    public Instant lastFiredIn(Instant from, Instant to) {
        Instant last = null;
        for (Instant fired = next(from); fired != null && !fired.isAfter(to); fired = next(fired)) {
            last = fired;
        }
        return last;
    }

    private static String sixFields(String cron) {
        return cron.split("\\s+").length == 5 ? "0 " + cron : cron;
    }
}
