package io.headroom.audit;

import java.time.Instant;

/**
 * Which entries to list, newest first; null filters match everything.
 *
 * @param actor exact user (or token) name
 * @param action an action name or its start ({@code chaos.} for every chaos action)
 * @param service exact service name
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String service, AuditOutcome outcome, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }
}
