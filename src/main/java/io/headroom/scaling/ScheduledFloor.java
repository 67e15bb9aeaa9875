package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.headroom.schedule.CronSchedule;

/**
 * A scheduled minimum: from each time {@code cron} fires (in {@code zone}, so 08:00 stays 08:00
 * across daylight saving) for {@code duration}, the service runs at least {@code minInstances}.
 * "Weekdays 08:00 for 10 h, at least 6" is {@code 0 8 * * MON-FRI}, Europe/Berlin, 10h, 6. Cron
 * takes five fields (minute first) or Spring's six (seconds first).
 */
public record ScheduledFloor(String cron, ZoneId zone, Duration duration, int minInstances) {

    public ScheduledFloor {
        cron = new CronSchedule(cron, zone).cron();
        if (duration == null || duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a schedule's duration must be between 1m and 7d, was " + duration);
        }
        if (minInstances < 0) {
            throw new IllegalArgumentException("a schedule's minInstances must be 0 or more");
        }
    }

    /** @throws IllegalArgumentException naming the zone */
    public static ZoneId zone(String text) {
        return CronSchedule.zone(text);
    }

    /** Whether {@code at} lies within {@code duration} after a time the expression fires. */
    public boolean activeAt(Instant at) {
        Instant fired = new CronSchedule(cron, zone).next(at.minus(duration));
        return fired != null && !fired.isAfter(at);
    }
}
