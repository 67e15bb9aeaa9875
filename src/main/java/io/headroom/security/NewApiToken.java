package io.headroom.security;

/** A token just made: {@code token} is the only time its value is shown. */
public record NewApiToken(ApiToken info, String token) {
}
