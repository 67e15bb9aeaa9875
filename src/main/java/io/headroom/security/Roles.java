package io.headroom.security;

/** The checks actions declare with {@code @PreAuthorize}: an expression needs a constant. */
public final class Roles {

    /** Scaling, chaos, silences: acting on the monitored services. */
    public static final String OPERATOR = "hasRole('OPERATOR')";
    /** Users, tokens, channels, rules, targets, settings: changing Headroom itself. */
    public static final String ADMIN = "hasRole('ADMIN')";

    private Roles() {
    }
}
