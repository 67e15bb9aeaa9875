package io.headroom.alerting;

import java.time.Instant;

/** One change of an alert's state, as recorded. */
public record AlertTransition(String fingerprint, String rule, String service, Instant at, AlertState from, AlertState to,
        Double value) {
}
