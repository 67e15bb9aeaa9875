package io.headroom.chaos;

/** Where a run is: its faults injected, or over and why. */
public enum RunStatus {
    /** Faults injected; the steady state is checked every interval. */
    RUNNING,
    /** Ran its whole duration; rolled back. */
    COMPLETED,
    /** Stopped early by an abort condition, an operator or the kill switch; rolled back. */
    ABORTED,
    /** Never started: a guard or the steady state before the start said no. */
    REFUSED
}
