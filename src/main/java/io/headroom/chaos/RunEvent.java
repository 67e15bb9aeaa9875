package io.headroom.chaos;

import java.time.Instant;
import java.util.Map;

/** A line of a run's timeline; {@code kpis} holds what a check read (KPI key to value, null: no requests). */
public record RunEvent(Instant at, Kind kind, String message, Map<String, Double> kpis) {

    public enum Kind {
        /** A guard refused the start. */
        REFUSED,
        /** The steady state before the start. */
        CHECK_BEFORE,
        FAULT_STARTED,
        /** A check while the faults run. */
        CHECK,
        /** A check saw the steady state broken. */
        BREACH,
        ABORTED,
        COMPLETED,
        ROLLBACK,
        /** The steady state after the rollback. */
        CHECK_AFTER
    }
}
