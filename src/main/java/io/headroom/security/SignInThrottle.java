package io.headroom.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Backs off guessing: after {@link #USER_FREE_FAILURES} failed sign-ins for one user name (or
 * {@link #ADDRESS_FREE_FAILURES} from one address) within {@link #FORGET_AFTER} of each other,
 * each further failure locks that name (or address) for twice as long as the last, from 30
 * seconds up to 15 minutes. Kept in PostgreSQL, so every Headroom instance counts together.
 */
@Component
class SignInThrottle {

    static final int USER_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long until this user name or address may try again; empty when it may now. */
    Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT max(locked_until) FROM login_failures WHERE key IN (?, ?) AND locked_until > ?")
                .params(userKey(username), addressKey(address), Timestamp.from(now)).query(Timestamp.class).optional()
                .map(until -> Duration.between(now, until.toInstant()));
    }

    void failed(String username, String address) {
        count(userKey(username), USER_FREE_FAILURES);
        if (address != null) {
            count(addressKey(address), ADDRESS_FREE_FAILURES);
        }
    }

    /** A right password clears the name's count; the address keeps its own (one good account must not reset a sweep). */
    void succeeded(String username) {
        jdbc.sql("DELETE FROM login_failures WHERE key = ?").param(userKey(username)).update();
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                INSERT INTO login_failures (key, failures, last_failure) VALUES (?, 1, ?)
                ON CONFLICT (key) DO UPDATE SET
                    failures = CASE WHEN login_failures.last_failure < ? THEN 1 ELSE login_failures.failures + 1 END,
                    last_failure = excluded.last_failure
                RETURNING failures""")
                .params(key, Timestamp.from(now), Timestamp.from(now.minus(FORGET_AFTER))).query(Integer.class).single();
        if (failures > free) {
            Duration lock = lock(failures - free);
            jdbc.sql("UPDATE login_failures SET locked_until = ? WHERE key = ?").params(Timestamp.from(now.plus(lock)), key).update();
        }
    }

    /** @param over failures past the free ones: 1 gives the first lock, each more doubles it */
    static Duration lock(int over) {
        long seconds = FIRST_LOCK.toSeconds() << Math.min(over - 1, 10);
        return seconds >= LONGEST_LOCK.toSeconds() ? LONGEST_LOCK : Duration.ofSeconds(seconds);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
