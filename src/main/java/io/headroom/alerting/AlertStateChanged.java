package io.headroom.alerting;

import java.time.Instant;

/**
 * An alert moved from one state to another. Published inside the evaluation's transaction, so a
 * listener that writes (the notification outbox) commits or rolls back with the state change.
 */
public record AlertStateChanged(RuleAlert alert, AlertState from, Instant at) {

    public AlertState to() {
        return alert.state();
    }
}
