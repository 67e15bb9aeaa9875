package io.headroom.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) behind the {@link SignInThrottle}: a locked name or
 * address is refused before its password is even hashed, a failure is counted and audited, and
 * a success clears the name's count. Successes are audited for the browser's sign-in only: an
 * API client sends its credentials with every request.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final boolean auditSuccess;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit, boolean auditSuccess) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
        this.auditSuccess = auditSuccess;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Optional<Duration> locked = throttle.lockedFor(username, address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            audit.record(username, address, "security.sign-in", Map.of(), AuditOutcome.DENIED, "locked for " + seconds + " s");
            throw new LockedException("Too many failed sign-ins; try again in " + seconds + " s");
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            throttle.succeeded(username);
            if (auditSuccess) {
                audit.record(username, address, "security.sign-in", Map.of(), AuditOutcome.DONE, null);
            }
            return done;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            audit.record(username, address, "security.sign-in", Map.of(), AuditOutcome.FAILED, e.getMessage());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
