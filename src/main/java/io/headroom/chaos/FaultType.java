package io.headroom.chaos;

/** What a fault does to the requests or instances of a service, and what its magnitude means. */
public enum FaultType {
    /** Adds {@code magnitude} ms (plus up to {@code jitter} ms) to a percentage of requests. */
    LATENCY("Added latency (ms)", "1 to 60000", Double.NaN),
    /** Answers a percentage of requests with HTTP status {@code magnitude} (5xx) without serving them. */
    ERROR("HTTP status", "500 to 599", 500),
    /** Kills {@code magnitude} instances abruptly; they are replaced when the fault ends. */
    KILL("Instances to kill", "replaced when the fault ends", 1),
    /** Burns {@code magnitude} percent of one core on every instance. */
    CPU("Percent of one core", "per instance, 1 to 100", 100);

    private final String magnitudeLabel;
    private final String magnitudeRange;
    private final double defaultMagnitude;

    FaultType(String magnitudeLabel, String magnitudeRange, double defaultMagnitude) {
        this.magnitudeLabel = magnitudeLabel;
        this.magnitudeRange = magnitudeRange;
        this.defaultMagnitude = defaultMagnitude;
    }

    /** What the magnitude is, for a form field's label. */
    public String magnitudeLabel() {
        return magnitudeLabel;
    }

    /** The magnitudes accepted, for a form field's helper text. */
    public String magnitudeRange() {
        return magnitudeRange;
    }

    /** The magnitude when a request leaves it out; NaN (refused by validation) for latency, which has no sensible default. */
    public double defaultMagnitude() {
        return defaultMagnitude;
    }

    /** Whether the fault hits a percentage of requests (and so takes {@code percentage}). */
    public boolean hitsRequests() {
        return this == LATENCY || this == ERROR;
    }
}
