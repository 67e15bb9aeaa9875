package io.headroom.webhook;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): {@code v1,} and the base64 HMAC-SHA256 of
 * {@code webhook-id.webhook-timestamp.body}, keyed with a secret written {@code whsec_} and the
 * base64 of its bytes. Notifications and the webhook scale target sign the same way, so a
 * receiver verifies both with one library.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    /** The spec's bounds on the key: at least 24 bytes, at most 64. */
    private static final int MIN_KEY = 24;
    private static final int MAX_KEY = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** @throws IllegalArgumentException saying what a secret looks like */
    public static String checkSecret(String secret) {
        String wanted = "a secret is whsec_ and the base64 of 24 to 64 random bytes (make one: echo whsec_$(openssl rand -base64 32))";
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException(wanted);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(wanted);
        }
        if (key.length < MIN_KEY || key.length > MAX_KEY) {
            throw new IllegalArgumentException(wanted + "; this one has " + key.length + " bytes");
        }
        return secret;
    }

    /** The {@code webhook-signature} header's value. */
    public static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Adds the three headers a receiver verifies ({@code webhook-id}, {@code -timestamp}, {@code -signature}). */
    public static HttpRequest.Builder signed(HttpRequest.Builder request, String secret, String webhookId, long timestampSeconds,
            byte[] body) {
        return request.header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", sign(secret, webhookId, timestampSeconds, body));
    }
}
