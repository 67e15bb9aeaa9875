package io.headroom.security;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may send telemetry: anyone when {@code headroom.ingest.auth=none} (the default, for the
 * embedded demo on loopback), otherwise a caller with an {@code ingest} token. The decision is
 * made from the headers, before the controller reads (or decompresses) a byte of the body.
 * Headroom refuses to start with ingestion open while it listens beyond loopback, unless
 * {@code headroom.ingest.auth-none-on-network=true} says that is meant.
 */
@Component
class IngestAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** OTLP/HTTP, Prometheus remote write and the Jaeger collector endpoint. */
    static final RequestMatcher INGEST_REQUESTS = new OrRequestMatcher(
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/v1/*"),
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/api/v1/write"),
            AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/api/traces"));

    private final boolean open;

    IngestAuthorization(@Value("${headroom.ingest.auth:none}") String mode, @Value("${server.address:}") String address,
            @Value("${headroom.ingest.auth-none-on-network:false}") boolean forced) {
        this.open = switch (mode) {
            case "none" -> true;
            case "token" -> false;
            default -> throw new IllegalStateException("headroom.ingest.auth must be none or token, was '" + mode + "'");
        };
        if (open && !forced && !loopback(address)) {
            throw new IllegalStateException("Telemetry ingestion is open (headroom.ingest.auth=none) while Headroom listens on "
                    + (address.isBlank() ? "every address" : address) + ": set HEADROOM_INGEST_AUTH=token and give senders ingest "
                    + "tokens, or listen on loopback only (HEADROOM_ADDRESS=127.0.0.1), or set "
                    + "headroom.ingest.auth-none-on-network=true if an open receiver on the network is what you want");
        }
    }

    static boolean loopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        if (open) {
            return new AuthorizationDecision(true);
        }
        Authentication caller = authentication.get();
        return new AuthorizationDecision(caller instanceof ApiTokenAuthentication token && token.token().scope() == TokenScope.INGEST);
    }
}
