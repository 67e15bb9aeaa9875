package io.headroom.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    /**
     * This role and every role it includes, as Spring authorities: granting them all (rather than
     * a role hierarchy) makes every check agree, including Vaadin's view access and
     * {@code isUserInRole}.
     */
    public List<GrantedAuthority> authorities() {
        return java.util.Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal())
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }
}
