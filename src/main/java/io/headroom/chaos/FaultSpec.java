package io.headroom.chaos;

import java.time.Duration;

/**
 * What to inject and for how long. {@code magnitude} is read per {@link FaultType};
 * {@code jitter} applies to latency only and {@code percentage} to latency and errors (the
 * share of requests hit, 0 < p ≤ 100).
 */
public record FaultSpec(FaultType type, double magnitude, double jitter, double percentage, Duration duration) {
}
