package io.headroom.ingest.scrape;

import java.time.Duration;
import java.time.Instant;

/**
 * How a target's last scrape went, as Prometheus's targets page shows it.
 *
 * @param lastScrape when the last scrape started; null before the first
 * @param lastError why it failed; empty when it worked
 */
public record TargetHealth(State state, Instant lastScrape, Duration lastDuration, String lastError, int samples) {

    public enum State { UNKNOWN, UP, DOWN }

    static final TargetHealth NOT_YET = new TargetHealth(State.UNKNOWN, null, Duration.ZERO, "", 0);
}
