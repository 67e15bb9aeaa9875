package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.DateTimeException;

import org.springframework.scheduling.support.CronExpression;

/**
 * A scheduled minimum: from each time {@code cron} fires (in {@code zone}, so 08:00 stays 08:00
 * across daylight saving) for {@code duration}, the service runs at least {@code minInstances}.
 * "Weekdays 08:00 for 10 h, at least 6" is {@code 0 8 * * MON-FRI}, Europe/Berlin, 10h, 6. Cron
 * takes five fields (minute first) or Spring's six (seconds first).
 */
public record ScheduledFloor(String cron, ZoneId zone, Duration duration, int minInstances) {

    public ScheduledFloor {
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
        if (duration == null || duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a schedule's duration must be between 1m and 7d, was " + duration);
        }
        if (minInstances < 0) {
            throw new IllegalArgumentException("a schedule's minInstances must be 0 or more");
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

    /** Whether {@code at} lies within {@code duration} after a time the expression fires. */
    public boolean activeAt(Instant at) {
        ZonedDateTime windowStart = at.minus(duration).atZone(zone);
        ZonedDateTime fired = CronExpression.parse(sixFields(cron)).next(windowStart);
        return fired != null && !fired.toInstant().isAfter(at);
    }

    private static String sixFields(String cron) {
        return cron.split("\\s+").length == 5 ? "0 " + cron : cron;
    }
}
