package io.headroom.notify;

import java.time.Instant;

/**
 * One notification in the delivery log.
 *
 * @param status pending (not yet delivered, maybe retrying), delivered, or dead (given up)
 * @param channelId null once its channel is deleted; the log keeps the name
 */
public record Delivery(long id, String webhookId, Long channelId, String channel, String groupKey, String kind,
        int alertsFiring, int alertsResolved, String status, int attempts, Instant createdAt, Instant nextAttemptAt,
        Instant finishedAt, Integer lastStatus, String lastError) {
}
