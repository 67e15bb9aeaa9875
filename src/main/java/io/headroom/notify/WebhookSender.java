package io.headroom.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.headroom.http.BoundedBody;
import io.headroom.webhook.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * One signed POST of a delivery's body. The URL is checked again before each attempt (what a
 * name resolves to can change); redirects are not followed; the whole exchange is bounded by
 * {@code headroom.notify.timeout} and at most {@code max-response-bytes} of the answer are read.
 */
@Component
class WebhookSender {

    /** What came back. @param excerpt the start of the answer's body, as text */
    record Result(Integer status, Duration retryAfter, String excerpt, String error, long millis) {
    }

    private static final int EXCERPT = 500;

    private final OutboundUrlPolicy urls;
    private final NotifyProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(OutboundUrlPolicy urls, NotifyProperties properties, Clock clock) {
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(properties.timeout()).build();
    }

    Result send(String url, String secret, String webhookId, byte[] body) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = urls.check(url);
        } catch (OutboundUrlPolicy.RefusedUrl e) {
            return new Result(null, null, null, "refused: " + e.getMessage(), 0);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = WebhookSignature.signed(HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Headroom"), secret, webhookId, timestamp, body)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, BoundedBody.truncatedAt(properties.maxResponseBytes()));
        try {
            HttpResponse<byte[]> response = exchange.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return new Result(response.statusCode(), retryAfter(response), text.length() > EXCERPT ? text.substring(0, EXCERPT) : text,
                    null, millisSince(started));
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Result(null, null, null, "no answer within " + properties.timeout().toSeconds() + " s", millisSince(started));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String error = cause instanceof HttpTimeoutException ? "no answer within " + properties.timeout().toSeconds() + " s"
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new Result(null, null, null, error, millisSince(started));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Result(null, null, null, "interrupted: Headroom is stopping", millisSince(started));
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.trim().matches("\\d{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(null);
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
