package io.headroom.scaling.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.http.BoundedBody;
import io.headroom.scaling.Instances;
import io.headroom.scaling.ScaleTarget;
import io.headroom.scaling.ScaleTargetUnavailable;
import io.headroom.webhook.WebhookSignature;
import org.springframework.stereotype.Component;

/**
 * Scales services run by anything that takes a webhook (a deploy pipeline, a script on the
 * hosts, a cloud function). Each request is signed as notifications are (Standard Webhooks), so
 * the receiver knows Headroom sent it:
 * <ul>
 * <li>{@code POST url} with {@code {"service": "checkout", "desired": 3}} asks for that count; any
 * 2xx accepts it. The answer may carry the state as below, which saves a GET.</li>
 * <li>{@code GET url} answers {@code {"current": 2, "desired": 3}}: instances running now and the
 * count being worked towards ({@code desired} defaults to {@code current}).</li>
 * </ul>
 * Redirects are not followed, each exchange, its answer read to the end, is bounded by
 * {@code timeout}, and an answer over 64 KiB is refused. Failures are {@link ScaleTargetUnavailable} with the URL and what went wrong.
 * The URLs come from Headroom's own configuration, which only its operators write, so they are
 * not held to the notification channels' rule against private addresses.
 */
@Component
public class WebhookScaleTarget implements ScaleTarget {

    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookScaleProperties properties;
    private final Clock clock;
    private final HttpClient http;

    public WebhookScaleTarget(WebhookScaleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(properties.timeout()).build();
    }

    @Override
    public Set<String> services() {
        return properties.services().keySet();
    }

    @Override
    public Instances instances(String service) {
        WebhookScaleProperties.Receiver receiver = receiver(service);
        return state(service, receiver, exchange(service, receiver, "GET", new byte[0]))
                .orElseThrow(() -> new ScaleTargetUnavailable("the scale webhook " + receiver.url() + " answered GET without "
                        + "{\"current\": n}", null));
    }

    @Override
    public Instances scaleTo(String service, int desired) {
        WebhookScaleProperties.Receiver receiver = receiver(service);
        byte[] body = JSON.createObjectNode().put("service", service).put("desired", desired).toString().getBytes(StandardCharsets.UTF_8);
        JsonNode answer = exchange(service, receiver, "POST", body);
        return state(service, receiver, answer).orElseGet(() -> instances(service));
    }

    private WebhookScaleProperties.Receiver receiver(String service) {
        WebhookScaleProperties.Receiver receiver = properties.services().get(service);
        if (receiver == null) {
            throw new IllegalArgumentException("no scale webhook is configured for '" + service + "'");
        }
        return receiver;
    }

    /** @return the answer's JSON, or null for an empty answer */
    private JsonNode exchange(String service, WebhookScaleProperties.Receiver receiver, String method, byte[] body) {
        String id = "scale_" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.url()).timeout(properties.timeout())
                .header("User-Agent", "Headroom").header("Accept", "application/json");
        WebhookSignature.signed(request, receiver.secret(), id, clock.instant().getEpochSecond(), body);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        String where = method + " " + receiver.url() + " (scaling " + service + ")";
        var pending = http.sendAsync(request.build(), BoundedBody.refusedBeyond(MAX_ANSWER_BYTES,
                () -> new ScaleTargetUnavailable(where + " answered more than " + MAX_ANSWER_BYTES + " bytes", null)));
        try {
            HttpResponse<byte[]> response = pending.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            String text = new String(response.body(), StandardCharsets.UTF_8).strip();
            if (response.statusCode() / 100 != 2) {
                throw new ScaleTargetUnavailable(where + " answered " + response.statusCode()
                        + (text.isEmpty() ? "" : ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text)), null);
            }
            return text.isEmpty() ? null : JSON.readTree(text);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ScaleTargetUnavailable(where + ": no answer within " + properties.timeout().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ScaleTargetUnavailable unavailable) {
                throw unavailable;
            }
            if (cause instanceof HttpTimeoutException) {
                // The request's own timeout and the wait for it are the same bound; either may fire first.
                throw new ScaleTargetUnavailable(where + ": no answer within " + properties.timeout().toMillis() + " ms", cause);
            }
            throw new ScaleTargetUnavailable(where + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (IOException e) {
            throw new ScaleTargetUnavailable(where + " answered what is not JSON: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ScaleTargetUnavailable(where + ": interrupted", e);
        }
    }

    private static Optional<Instances> state(String service, WebhookScaleProperties.Receiver receiver, JsonNode answer) {
        if (answer == null || !answer.has("current")) {
            return Optional.empty();
        }
        JsonNode current = answer.get("current");
        JsonNode desired = answer.has("desired") ? answer.get("desired") : current;
        if (!isCount(current) || !isCount(desired)) {
            throw new ScaleTargetUnavailable("the scale webhook " + receiver.url() + " answered " + answer
                    + ": current and desired must be whole numbers, 0 or more", null);
        }
        return Optional.of(new Instances(service, current.asInt(), desired.asInt(), receiver.minInstances(),
                receiver.maxInstances()));
    }

    private static boolean isCount(JsonNode value) {
        return value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0;
    }
}
