package io.headroom.chaos;

/** What a fault does to the requests or instances of a service, and what its magnitude means. */
public enum FaultType {
    /** Adds {@code magnitude} ms (plus up to {@code jitter} ms) to a percentage of requests. */
    LATENCY,
    /** Answers a percentage of requests with HTTP status {@code magnitude} (5xx) without serving them. */
    ERROR,
    /** Kills {@code magnitude} instances abruptly; they are replaced when the fault ends. */
    KILL,
    /** Burns {@code magnitude} percent of one core on every instance. */
    CPU
}
