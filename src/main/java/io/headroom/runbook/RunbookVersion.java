package io.headroom.runbook;

import java.time.Instant;

/** One saved version of a runbook: what it said, who saved it, when. */
public record RunbookVersion(int version, String title, String owner, String markdown, Instant changedAt, String changedBy) {
}
