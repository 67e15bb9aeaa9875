package io.headroom.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API chain from the headers alone:
 * an unknown, revoked or expired token is answered 401 and a token over its request rate 429
 * with {@code Retry-After}, before anything reads (or decompresses) the body.
 */
final class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final IngestRateLimits limits;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;
    private final RequestAttributeSecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

    BearerTokens(ApiTokens tokens, IngestRateLimits limits, ObjectMapper json, Clock clock, SecurityContextHolderStrategy security) {
        this.security = security;
        this.tokens = tokens;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiToken> token = tokens.lookUp(header.substring(7).trim());
        if (token.isEmpty() || !token.get().usableAt(clock.instant())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Headroom\", error=\"invalid_token\"");
            answer(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", token.isEmpty() ? "the token is not one of Headroom's"
                    : token.get().revokedAt() != null ? "the token was revoked" : "the token has expired");
            return;
        }
        Optional<Duration> wait = limits.request(token.get());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            answer(response, 429, "rate_limited", "the token's request rate (" + token.get().requestsPerSecond() + "/s) is used up");
            return;
        }
        var context = security.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(token.get()));
        security.setContext(context);
        // Kept on the request too, for the dispatch that sends an asynchronous answer.
        repository.saveContext(context, request, response);
        try {
            chain.doFilter(request, response);
        } finally {
            security.clearContext();
        }
    }

    private void answer(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", error, "message", message));
    }
}
