package io.headroom;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The administrator every test Headroom starts with ({@code headroom.security.admin-password}), and credentials as headers. */
public final class TestUsers {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private TestUsers() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String adminBasic() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * Runs {@code action} on this thread as a user of {@code role}, as a service call from a
     * signed-in page would. Through the application's own strategy bean: each Spring context in a
     * test JVM installs its own as the global one, so the static holder may belong to another.
     */
    public static void as(org.springframework.security.core.context.SecurityContextHolderStrategy security, io.headroom.security.Role role,
            Runnable action) {
        as(security, "test-" + role.name().toLowerCase(java.util.Locale.ROOT), role, action);
    }

    /** {@link #as(org.springframework.security.core.context.SecurityContextHolderStrategy, io.headroom.security.Role, Runnable)} as a named user. */
    public static void as(org.springframework.security.core.context.SecurityContextHolderStrategy security, String name,
            io.headroom.security.Role role, Runnable action) {
        var context = security.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                name, null, role.authorities()));
        security.setContext(context);
        try {
            action.run();
        } finally {
            security.clearContext();
        }
    }
}
