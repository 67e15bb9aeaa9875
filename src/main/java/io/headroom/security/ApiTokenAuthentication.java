package io.headroom.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request made with a token: its name is the actor ("token:ci-collector"), its scope the one authority it has. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiToken token;

    ApiTokenAuthentication(ApiToken token) {
        super(List.of(new SimpleGrantedAuthority(token.scope().authority())));
        this.token = token;
        setAuthenticated(true);
    }

    public ApiToken token() {
        return token;
    }

    @Override
    public String getName() {
        return "token:" + token.name();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }
}
