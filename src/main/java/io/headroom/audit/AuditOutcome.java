package io.headroom.audit;

/** How an audited action ended; STARTED until it does. */
public enum AuditOutcome {
    STARTED,
    DONE,
    FAILED,
    DENIED
}
