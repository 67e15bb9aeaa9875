package io.headroom.alerting;

import java.time.Instant;

/**
 * One alert's state between evaluations.
 *
 * @param activeSince when the condition started holding without a break (null while INACTIVE or RESOLVED)
 * @param firedAt when it last started firing (null until it fires)
 * @param lastBreachAt the last evaluation that saw the condition hold (null before the first)
 * @param resolvedAt when it last resolved (null unless RESOLVED)
 * @param value the rule's value at the last evaluation that had one (null: none yet, or a gap)
 */
public record Alert(AlertState state, Instant activeSince, Instant firedAt, Instant lastBreachAt, Instant resolvedAt, Double value) {

    public static final Alert INACTIVE = new Alert(AlertState.INACTIVE, null, null, null, null, null);
}
