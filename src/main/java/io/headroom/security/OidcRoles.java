package io.headroom.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Gives a person signed in through an OpenID Connect provider a Headroom role from a claim of
 * theirs ({@code headroom.security.oidc.roles-claim}, default {@code groups}): a value listed in
 * {@code headroom.security.oidc.admin} makes them ADMIN, in {@code .operator} OPERATOR, and
 * anyone else gets {@code .default-role} (VIEWER; {@code none} refuses them). Their Headroom name
 * is the provider's {@code preferred_username}, else its {@code email}, else {@code sub}.
 */
@Component
class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final String claim;
    private final List<String> admin;
    private final List<String> operator;
    private final String defaultRole;
    private final AuditLog audit;

    OidcRoles(@Value("${headroom.security.oidc.roles-claim:groups}") String claim,
            @Value("${headroom.security.oidc.admin:}") List<String> admin,
            @Value("${headroom.security.oidc.operator:}") List<String> operator,
            @Value("${headroom.security.oidc.default-role:VIEWER}") String defaultRole, AuditLog audit) {
        this.claim = claim;
        this.admin = admin;
        this.operator = operator;
        this.defaultRole = defaultRole.toUpperCase(Locale.ROOT);
        this.audit = audit;
        if (!this.defaultRole.equals("NONE")) {
            Role.valueOf(this.defaultRole);
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        String name = name(user);
        Role role = role(user.getClaims().get(claim));
        if (role == null) {
            audit.record(name, null, "security.sign-in", Map.of("provider", provider), AuditOutcome.DENIED, "no Headroom role for this user");
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "no Headroom role for this user", null));
        }
        audit.record(name, null, "security.sign-in", Map.of("provider", provider, "role", role.name()), AuditOutcome.DONE, null);
        return new DefaultOidcUser(role.authorities(), user.getIdToken(), user.getUserInfo(), nameClaim(user));
    }

    /** The highest role any of the claim's values gives; null when none does and the default is {@code none}. */
    Role role(Object values) {
        Collection<?> held = values instanceof Collection<?> collection ? collection : values == null ? List.of() : List.of(values);
        if (held.stream().map(String::valueOf).anyMatch(admin::contains)) {
            return Role.ADMIN;
        }
        if (held.stream().map(String::valueOf).anyMatch(operator::contains)) {
            return Role.OPERATOR;
        }
        return defaultRole.equals("NONE") ? null : Role.valueOf(defaultRole);
    }

    private static String nameClaim(OidcUser user) {
        return user.getClaims().containsKey("preferred_username") ? "preferred_username"
                : user.getClaims().containsKey("email") ? "email" : "sub";
    }

    private static String name(OidcUser user) {
        return String.valueOf(user.getClaims().get(nameClaim(user)));
    }
}
