package io.headroom.security.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.headroom.security.ApiToken;
import io.headroom.security.ApiTokens;
import io.headroom.security.NewApiToken;
import io.headroom.security.TokenScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API tokens over HTTP, for administrators: list, create (the answer is the only time a token's value is shown), revoke. */
@RestController
class TokensController {

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** @param expiresAt RFC 3339, or absent for a token that does not expire; the limits default to the configured ones */
    record NewToken(String name, String scope, String expiresAt, Double requestsPerSecond, Double recordsPerSecond, Double burstSeconds) {
    }

    @GetMapping("/api/v1/tokens")
    Map<String, List<ApiToken>> list() {
        return Map.of("tokens", tokens.list());
    }

    @PostMapping("/api/v1/tokens")
    ResponseEntity<NewApiToken> create(@RequestBody NewToken request) {
        Instant expiresAt;
        try {
            expiresAt = request.expiresAt() == null ? null : Instant.parse(request.expiresAt());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt must be an RFC 3339 time such as 2027-01-31T00:00:00Z");
        }
        boolean anyLimit = request.requestsPerSecond() != null || request.recordsPerSecond() != null || request.burstSeconds() != null;
        ApiTokens.Limits limits = anyLimit ? new ApiTokens.Limits(orNaN(request.requestsPerSecond()), orNaN(request.recordsPerSecond()),
                orNaN(request.burstSeconds())) : null;
        NewApiToken made = tokens.create(request.name(), TokenScope.parse(request.scope()), expiresAt, limits);
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + made.info().id())).body(made);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    ApiToken revoke(@PathVariable long id) {
        return tokens.revoke(id);
    }

    /** A limit given alone needs the others: NaN is refused by {@link ApiTokens.Limits} with its reason. */
    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "bad_request",
                "message", "body must be {\"name\": ..., \"scope\": \"ingest|read|alertmanager\", \"expiresAt\": optional RFC 3339}"));
    }
}
