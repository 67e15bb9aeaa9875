package io.headroom.alerting;

/**
 * Where an alert is. INACTIVE: its condition does not hold. PENDING: it holds, not yet for the
 * rule's {@code for}. FIRING: it has held that long (and is kept firing for {@code keep_firing_for}
 * after it stops holding). RESOLVED: it fired and has stopped; a new breach starts it PENDING again.
 */
public enum AlertState {
    INACTIVE,
    PENDING,
    FIRING,
    RESOLVED
}
