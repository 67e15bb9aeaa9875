package io.headroom.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param raw how long spans, logs and metric samples are kept (whole day partitions are dropped)
 * @param rollups how long per-minute rollups are kept
 * @param partitionsAhead how many future days have their partitions created in advance
 */
@ConfigurationProperties("headroom.retention")
public record RetentionProperties(Duration raw, Duration rollups, Integer partitionsAhead) {

    public RetentionProperties {
        raw = raw == null ? Duration.ofDays(7) : raw;
        rollups = rollups == null ? Duration.ofDays(90) : rollups;
        partitionsAhead = partitionsAhead == null ? 3 : partitionsAhead;
        if (raw.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("headroom.retention.raw must be at least 1h, was " + raw);
        }
        if (partitionsAhead < 1) {
            throw new IllegalArgumentException("headroom.retention.partitions-ahead must be at least 1");
        }
    }
}
