package io.headroom.chaos;

import java.time.Instant;

/** The kill switch: engaged, it stops every experiment and fault and refuses new ones. */
public record KillSwitchState(boolean engaged, String changedBy, Instant changedAt, String reason) {

    String refusal() {
        return "the chaos kill switch is engaged (by " + changedBy + " at " + changedAt + (reason == null ? "" : ": " + reason)
                + "); release it first";
    }
}
