package io.headroom.security;

import java.time.Instant;

/**
 * A machine's token as listed: never the token itself, only the hint (its first characters).
 *
 * @param expiresAt null for a token that does not expire
 * @param burstSeconds how many seconds of each rate may be spent at once
 */
public record ApiToken(long id, String name, TokenScope scope, String hint, Instant createdAt, String createdBy, Instant expiresAt,
        Instant revokedAt, Instant lastUsedAt, double requestsPerSecond, double recordsPerSecond, double burstSeconds) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
