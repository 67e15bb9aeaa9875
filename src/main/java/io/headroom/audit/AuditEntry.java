package io.headroom.audit;

import java.time.Instant;

/**
 * One audited action or sign-in.
 *
 * @param parametersJson the arguments as a JSON object
 * @param detail why it failed or was denied, or what it returned; null when there is nothing to say
 * @param completedAt null while the action runs (or when Headroom stopped before it ended)
 */
public record AuditEntry(long id, Instant at, String actor, String address, String action, String service, String parametersJson,
        AuditOutcome outcome, String detail, Instant completedAt) {
}
