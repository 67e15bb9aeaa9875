package io.headroom.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * What follows an attempt: delivered on 2xx; retried with exponential backoff and jitter on 5xx,
 * 429 (after its Retry-After when it gives one), a timeout or a connection failure; dead on any
 * other answer (a 4xx says the request itself is wrong, a 3xx is a redirect Headroom does not
 * follow), and dead once the next try would fall after {@code giveUpAfter}.
 */
final class RetryPolicy {

    /** The outcome of one attempt as the sender saw it. @param status null when no answer came */
    record Attempt(Integer status, Duration retryAfter, String error) {
    }

    /** @param retryAt null unless the delivery is to be tried again @param reason why it is dead, null otherwise */
    record Decision(boolean delivered, Instant retryAt, String reason) {
    }

    private final Duration base;
    private final Duration max;
    private final Duration giveUpAfter;
    private final DoubleSupplier random;

    RetryPolicy(Duration base, Duration max, Duration giveUpAfter, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
        this.random = random;
    }

    /** @param attempts the attempts made, this one included */
    Decision decide(Attempt attempt, int attempts, Instant createdAt, Instant now) {
        Integer status = attempt.status();
        if (status != null && status >= 200 && status < 300) {
            return new Decision(true, null, null);
        }
        if (status != null && status < 500 && status != 429) {
            return new Decision(false, null, status >= 300 && status < 400
                    ? "HTTP " + status + ": a redirect, which Headroom does not follow; point the channel at the final URL"
                    : "HTTP " + status + ": the receiver refused the request; not retried");
        }
        Duration wait = backoff(attempts);
        if (status != null && status == 429 && attempt.retryAfter() != null && attempt.retryAfter().compareTo(wait) > 0) {
            wait = attempt.retryAfter().compareTo(max) > 0 ? max : attempt.retryAfter();
        }
        Instant retryAt = now.plus(wait);
        if (retryAt.isAfter(createdAt.plus(giveUpAfter))) {
            return new Decision(false, null, "gave up after " + attempts + " attempts over " + giveUpAfter.toSeconds()
                    + " s; last: " + (status != null ? "HTTP " + status : attempt.error()));
        }
        return new Decision(false, retryAt, null);
    }

    /** base × 2^(attempts-1), capped, of which a random half is waited ("equal jitter"): retries from many channels spread out. */
    Duration backoff(int attempts) {
        long exponential = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(exponential, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped / 2.0)));
    }
}
