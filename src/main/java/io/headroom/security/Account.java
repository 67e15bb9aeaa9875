package io.headroom.security;

import java.time.Instant;

/** A user as the Users view and API list them; never the password hash. */
public record Account(String username, Role role, boolean enabled, Instant createdAt, String createdBy) {
}
