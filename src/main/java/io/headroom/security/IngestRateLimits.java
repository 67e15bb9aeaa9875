package io.headroom.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Each token's request and record rates, as token buckets holding {@code burstSeconds} of each
 * rate: a request is let in while its token has a request left (checked before the body is
 * read) and its records are let in while the token has that many records left (checked after
 * decoding, before anything is queued). A batch bigger than the whole bucket passes when the
 * bucket is full and leaves it in debt, or it could never pass. Per Headroom instance.
 */
@Component
public class IngestRateLimits {

    private final Map<Long, Bucket> requests = new ConcurrentHashMap<>();
    private final Map<Long, Bucket> records = new ConcurrentHashMap<>();
    private final SecurityContextHolderStrategy security;

    IngestRateLimits(SecurityContextHolderStrategy security) {
        this.security = security;
    }

    /** @return how long to wait before trying again, when this request is over its token's rate */
    Optional<Duration> request(ApiToken token) {
        return requests.computeIfAbsent(token.id(), id -> new Bucket(token.requestsPerSecond(), token.burstSeconds())).take(1);
    }

    /**
     * The records of a request made with a token (anything else is not limited here).
     *
     * @return how long to wait before sending them again, when they are over the token's rate
     */
    public Optional<Duration> records(int count) {
        Authentication caller = security.getContext().getAuthentication();
        if (!(caller instanceof ApiTokenAuthentication authentication)) {
            return Optional.empty();
        }
        ApiToken token = authentication.token();
        return records.computeIfAbsent(token.id(), id -> new Bucket(token.recordsPerSecond(), token.burstSeconds())).take(count);
    }

    static final class Bucket {

        private final double perSecond;
        private final double capacity;
        private double available;
        private long refilledAt = System.nanoTime();

        Bucket(double perSecond, double burstSeconds) {
            this.perSecond = perSecond;
            this.capacity = Math.max(1, perSecond * burstSeconds);
            this.available = capacity;
        }

        synchronized Optional<Duration> take(double amount) {
            long now = System.nanoTime();
            available = Math.min(capacity, available + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (available >= Math.min(amount, capacity)) {
                available -= amount;
                return Optional.empty();
            }
            double seconds = (Math.min(amount, capacity) - available) / perSecond;
            return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
    }
}
