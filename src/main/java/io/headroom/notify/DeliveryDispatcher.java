package io.headroom.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, at most {@code headroom.notify.concurrency} at a time per instance. A
 * delivery is claimed with a lease (committed before sending, so no transaction stays open over
 * a slow receiver); if this instance dies mid-send, the lease runs out and another instance
 * sends it again with the same {@code webhook-id}, which is how receivers tell a retry.
 * {@code headroom.notify.deliver=false} leaves sending to the other instances.
 */
@Component
@ConditionalOnProperty(name = "headroom.notify.deliver", havingValue = "true", matchIfMissing = true)
class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryRecords deliveries;
    private final ChannelRecords channels;
    private final WebhookSender sender;
    private final NotifyProperties properties;
    private final RetryPolicy retries;
    private final Clock clock;
    private final Semaphore free;
    private final ExecutorService workers;

    DeliveryDispatcher(DeliveryRecords deliveries, ChannelRecords channels, WebhookSender sender, NotifyProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.retries = new RetryPolicy(properties.retryBase(), properties.retryMax(), properties.giveUpAfter(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.free = new Semaphore(properties.concurrency());
        this.workers = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "headroom-webhook");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(initialDelayString = "${headroom.notify.dispatch-interval:500ms}", fixedDelayString = "${headroom.notify.dispatch-interval:500ms}")
    void scheduled() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("Claiming notification deliveries failed; the next run tries again", e);
        }
    }

    void dispatch() {
        int permits = free.drainPermits();
        if (permits == 0) {
            return;
        }
        var claimed = deliveries.claim(permits, clock.instant(), properties.timeout().plus(properties.lease()));
        free.release(permits - claimed.size());
        for (DeliveryRecords.Claimed delivery : claimed) {
            workers.execute(() -> {
                try {
                    attempt(delivery);
                } catch (RuntimeException e) {
                    log.warn("Delivery {} failed unexpectedly; its lease runs out and it is tried again", delivery.webhookId(), e);
                } finally {
                    free.release();
                }
            });
        }
    }

    private void attempt(DeliveryRecords.Claimed delivery) {
        var channel = delivery.channelId() == null ? java.util.Optional.<Channel>empty() : channels.find(delivery.channelId());
        Instant at = clock.instant();
        WebhookSender.Result result = channel.isEmpty()
                ? new WebhookSender.Result(null, null, null, "the channel was deleted", 0)
                : sender.send(channel.get().url(), channel.get().secret(), delivery.webhookId(),
                        delivery.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RetryPolicy.Decision decision = channel.isEmpty()
                ? new RetryPolicy.Decision(false, null, "the channel was deleted")
                : retries.decide(new RetryPolicy.Attempt(result.status(), result.retryAfter(), result.error()), delivery.attempts(),
                        delivery.createdAt(), clock.instant());
        if (result.error() != null && result.error().startsWith("interrupted")) {
            return; // stopping: leave the lease to run out, so another instance (or the next start) tries again
        }
        deliveries.record(delivery, at, result, decision);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
