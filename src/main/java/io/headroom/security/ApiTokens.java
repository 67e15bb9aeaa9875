package io.headroom.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.headroom.audit.Audited;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;

/**
 * Tokens for machines: made and revoked by administrators (audited), looked up by their hash for
 * every request that carries one. A token is {@code hr_} and 43 characters of base64url (256
 * random bits); only its SHA-256 is stored.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "hr_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS = """
            id, name, scope, hint, created_at, created_by, expires_at, revoked_at, last_used_at, requests_per_second,
            records_per_second, burst_seconds""";

    /** Limits a new token gets unless its maker gives others. */
    public record Limits(double requestsPerSecond, double recordsPerSecond, double burstSeconds) {
        public Limits {
            if (!(requestsPerSecond > 0) || !(recordsPerSecond > 0) || !(burstSeconds > 0)) {
                throw new IllegalArgumentException("requestsPerSecond, recordsPerSecond and burstSeconds must all be given, and positive");
            }
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;
    private final SecureRandom random = new SecureRandom();
    private final Limits defaults;
    /** When each token's last use was written, so a busy token writes it once a minute, not once a request. */
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, Clock clock, SecurityContextHolderStrategy security,
            @Value("${headroom.ingest.token-requests-per-second:200}") double requestsPerSecond,
            @Value("${headroom.ingest.token-records-per-second:200000}") double recordsPerSecond,
            @Value("${headroom.ingest.token-burst-seconds:5}") double burstSeconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.security = security;
        this.defaults = new Limits(requestsPerSecond, recordsPerSecond, burstSeconds);
    }

    /**
     * @param expiresAt null for a token that does not expire
     * @param limits null for the configured defaults
     */
    @PreAuthorize(Roles.ADMIN)
    @Audited("security.token-create")
    public NewApiToken create(String name, TokenScope scope, Instant expiresAt, Limits limits) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters, to tell tokens apart");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("expiresAt must be in the future");
        }
        Limits applied = limits == null ? defaults : limits;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                INSERT INTO api_tokens (name, scope, token_hash, hint, created_at, created_by, expires_at, requests_per_second,
                                        records_per_second, burst_seconds)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name.trim(), scope.name().toLowerCase(java.util.Locale.ROOT), hash(token), token.substring(0, PREFIX.length() + 4),
                        Timestamp.from(clock.instant()), actor(), expiresAt == null ? null : Timestamp.from(expiresAt),
                        applied.requestsPerSecond(), applied.recordsPerSecond(), applied.burstSeconds())
                .query(Long.class).single();
        return new NewApiToken(find(id).orElseThrow(), token);
    }

    @PreAuthorize(Roles.ADMIN)
    public List<ApiToken> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens ORDER BY revoked_at IS NOT NULL, name, id").query(ApiTokens::token).list();
    }

    /** A revoked token is refused from its next request on. */
    @PreAuthorize(Roles.ADMIN)
    @Audited("security.token-revoke")
    public ApiToken revoke(long id) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").params(Timestamp.from(clock.instant()), id)
                .update();
        return find(id).orElseThrow(() -> new IllegalArgumentException("no token with id " + id));
    }

    /** The token a request presents, if it is one of ours; whether it may still be used is {@link ApiToken#usableAt}. */
    Optional<ApiToken> lookUp(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ?").param(hash(presented))
                .query(ApiTokens::token).optional();
        token.ifPresent(this::noteUse);
        return token;
    }

    private void noteUse(ApiToken token) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(token.id());
        if (written == null || Duration.between(written, now).compareTo(LAST_USED_PRECISION) >= 0) {
            lastUseWritten.put(token.id(), now);
            jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").params(Timestamp.from(now), token.id()).update();
        }
    }

    private Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?").param(id).query(ApiTokens::token).optional();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String actor() {
        return Actors.name(security);
    }

    private static ApiToken token(ResultSet row, int i) throws SQLException {
        return new ApiToken(row.getLong(1), row.getString(2), TokenScope.parse(row.getString(3)), row.getString(4), instant(row, 5),
                row.getString(6), instant(row, 7), instant(row, 8), instant(row, 9), row.getDouble(10), row.getDouble(11), row.getDouble(12));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
