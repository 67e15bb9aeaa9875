package io.headroom.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings ({@code headroom.notify.*}).
 *
 * @param allowPrivate networks (CIDR) a channel may reach although they are loopback, private or
 *        link-local; empty by default, so webhooks go only to public addresses
 * @param timeout for one attempt, connection to last byte
 * @param maxResponseBytes read of a receiver's answer; the rest is not read
 * @param retryBase first retry delay, doubled per attempt (with jitter) up to {@code retryMax}
 * @param giveUpAfter a delivery not made this long after it was created goes to the dead letters
 * @param lease how long a claimed delivery is reserved beyond its timeout before another instance may try it
 */
@ConfigurationProperties("headroom.notify")
public record NotifyProperties(List<String> allowPrivate, Duration timeout, Integer maxResponseBytes, Duration retryBase,
        Duration retryMax, Duration giveUpAfter, Duration lease, Integer concurrency) {

    public NotifyProperties {
        allowPrivate = allowPrivate == null ? List.of() : List.copyOf(allowPrivate);
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxResponseBytes = maxResponseBytes == null ? 65_536 : maxResponseBytes;
        retryBase = retryBase == null ? Duration.ofSeconds(2) : retryBase;
        retryMax = retryMax == null ? Duration.ofMinutes(5) : retryMax;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        concurrency = concurrency == null ? 4 : concurrency;
    }
}
