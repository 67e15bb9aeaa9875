package io.headroom.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Runs an action as a part of Headroom (the autoscaler, an experiment's guard) with a role, so
 * it passes the same checks and lands in the audit log under its own name, as a person's action does.
 */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T call(SecurityContextHolderStrategy security, String name, Role role, Supplier<T> action) {
        SecurityContext previous = security.getContext();
        SecurityContext acting = security.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, role.authorities()));
        security.setContext(acting);
        try {
            return action.get();
        } finally {
            security.setContext(previous);
        }
    }
}
