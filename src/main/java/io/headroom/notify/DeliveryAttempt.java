package io.headroom.notify;

import java.time.Instant;

/** One try of a delivery: the receiver's status code and the start of its answer, or what went wrong. */
public record DeliveryAttempt(int attempt, Instant at, long durationMs, Integer statusCode, String error, String responseExcerpt) {
}
