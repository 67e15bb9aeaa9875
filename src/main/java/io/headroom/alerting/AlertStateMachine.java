package io.headroom.alerting;

import java.time.Duration;
import java.time.Instant;

/**
 * The next state of an alert, from its current one, the evaluation's instant and whether the
 * condition held then. A gap (no value for the rule's KPI) counts as the condition not holding, as
 * a series absent from a Prometheus query does: a pending alert is dropped, a firing one starts
 * its {@code keep_firing_for}. A pending alert whose condition breaks starts over: {@code for}
 * needs an unbroken stretch.
 */
public final class AlertStateMachine {

    private AlertStateMachine() {
    }

    /**
     * @param breached whether the condition held at {@code at}
     * @param value the rule's value at {@code at}, null in a gap
     */
    public static Alert next(Alert current, AlertTiming timing, Instant at, boolean breached, Double value) {
        if (breached) {
            return switch (current.state()) {
                case INACTIVE, RESOLVED -> timing.forDuration().isZero()
                        ? new Alert(AlertState.FIRING, at, at, at, null, value)
                        : new Alert(AlertState.PENDING, at, null, at, null, value);
                case PENDING -> heldFor(current.activeSince(), at).compareTo(timing.forDuration()) >= 0
                        ? new Alert(AlertState.FIRING, current.activeSince(), at, at, null, value)
                        : new Alert(AlertState.PENDING, current.activeSince(), null, at, null, value);
                case FIRING -> new Alert(AlertState.FIRING, current.activeSince(), current.firedAt(), at, null, value);
            };
        }
        Double kept = value != null ? value : current.value();
        return switch (current.state()) {
            case INACTIVE -> new Alert(AlertState.INACTIVE, null, null, current.lastBreachAt(), null, kept);
            case RESOLVED -> new Alert(AlertState.RESOLVED, null, current.firedAt(), current.lastBreachAt(), current.resolvedAt(), kept);
            case PENDING -> new Alert(AlertState.INACTIVE, null, null, current.lastBreachAt(), null, kept);
            case FIRING -> heldFor(current.lastBreachAt(), at).compareTo(timing.keepFiringFor()) < 0
                    ? new Alert(AlertState.FIRING, current.activeSince(), current.firedAt(), current.lastBreachAt(), null, kept)
                    : new Alert(AlertState.RESOLVED, null, current.firedAt(), current.lastBreachAt(), at, kept);
        };
    }

    private static Duration heldFor(Instant since, Instant at) {
        return Duration.between(since, at);
    }
}
