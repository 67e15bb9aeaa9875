package io.headroom.scaling.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.headroom.scaling.ScaleTarget;
import io.headroom.scaling.ScaleTargetContract;
import io.headroom.scaling.ScaleTargetUnavailable;
import io.headroom.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook scale target against a receiver on a real loopback socket that plays a platform:
 * it checks every request's signature with the Standard Webhooks reference library (401 if it
 * does not verify), keeps the desired count and brings the running count to it 300 ms later, as
 * instances take time to start. Other paths answer 503, hang, or answer nonsense.
 */
class WebhookScaleTargetIT extends ScaleTargetContract {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServer server;
    private static ScheduledExecutorService platform;
    private static final AtomicInteger desired = new AtomicInteger(1);
    private static final AtomicInteger current = new AtomicInteger(1);
    private static final List<String> verified = new CopyOnWriteArrayList<>();
    private static final List<String> posted = new CopyOnWriteArrayList<>();
    private static final CountDownLatch closing = new CountDownLatch(1);
    private static WebhookScaleTarget target;

    @BeforeAll
    static void receiver() throws IOException {
        platform = Executors.newSingleThreadScheduledExecutor();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/scale/checkout", exchange -> {
            byte[] body = read(exchange);
            try {
                new Webhook(SECRET).verify(new String(body, StandardCharsets.UTF_8), headers(exchange));
            } catch (WebhookVerificationException e) {
                answer(exchange, 401, "{\"error\":\"" + e.getMessage() + "\"}");
                return;
            }
            verified.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("webhook-id"));
            if (exchange.getRequestMethod().equals("POST")) {
                posted.add(new String(body, StandardCharsets.UTF_8));
                int asked = JSON.readTree(body).get("desired").asInt();
                desired.set(asked);
                platform.schedule(() -> current.set(asked), 300, TimeUnit.MILLISECONDS);
                answer(exchange, 202, "");
            } else {
                answer(exchange, 200, "{\"current\": " + current.get() + ", \"desired\": " + desired.get() + "}");
            }
        });
        server.createContext("/scale/down", exchange -> answer(exchange, 503, "maintenance until 14:00"));
        server.createContext("/scale/nonsense", exchange -> answer(exchange, 200, "{\"current\": \"three\"}"));
        server.createContext("/scale/hangs", exchange -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/scale/huge", exchange -> answer(exchange, 200, "{\"current\": 2, \"note\": \"" + "x".repeat(100_000) + "\"}"));
        server.createContext("/scale/trickles", exchange -> {
            // Headers at once, then a byte of the answer every 200 ms: a read of the answer outside the bound would wait 10 s.
            exchange.sendResponseHeaders(200, 50);
            try (var out = exchange.getResponseBody()) {
                for (int i = 0; i < 50 && closing.getCount() > 0; i++) {
                    out.write(' ');
                    out.flush();
                    closing.await(200, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientLeft) {
                // Headroom gave up on the answer, as it should.
            }
        });
        server.start();
        target = new WebhookScaleTarget(new WebhookScaleProperties(Duration.ofSeconds(1), Map.of(
                "checkout", receiver("/scale/checkout", SECRET),
                "wrong-secret", receiver("/scale/checkout", WebhookSignature.newSecret()),
                "down", receiver("/scale/down", SECRET),
                "nonsense", receiver("/scale/nonsense", SECRET),
                "hangs", receiver("/scale/hangs", SECRET),
                "huge", receiver("/scale/huge", SECRET),
                "trickles", receiver("/scale/trickles", SECRET))), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        closing.countDown();
        server.stop(0);
        platform.shutdownNow();
    }

    private static WebhookScaleProperties.Receiver receiver(String path, String secret) {
        return new WebhookScaleProperties.Receiver(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), secret, 1, 5);
    }

    @Override
    protected ScaleTarget target() {
        return target;
    }

    @Override
    protected String service() {
        return "checkout";
    }

    @Test
    void everyRequestIsSignedAsNotificationsAreAndThePostCarriesTheCount() {
        verified.clear();
        posted.clear();
        target.scaleTo("checkout", 3);
        target.instances("checkout");

        assertThat(posted).containsExactly("{\"service\":\"checkout\",\"desired\":3}");
        assertThat(verified).hasSize(3).allMatch(request -> request.matches("(GET|POST) scale_[0-9a-f-]{36}"));
        assertThat(verified).extracting(request -> request.substring(0, request.indexOf(' '))).containsExactly("POST", "GET", "GET");
        assertThat(verified.stream().distinct()).as("a new webhook-id each request").hasSize(3);
        assertThat(target.instances("checkout").min()).isEqualTo(1);
        assertThat(target.instances("checkout").max()).isEqualTo(5);
    }

    @Test
    void aReceiverThatCannotVerifyTheSignatureRefusesAndTheErrorSaysSo() {
        int before = desired.get();
        assertThatThrownBy(() -> target.scaleTo("wrong-secret", 4)).isInstanceOf(ScaleTargetUnavailable.class)
                .hasMessageContaining("POST http://127.0.0.1:").hasMessageContaining("answered 401");
        assertThat(desired.get()).isEqualTo(before);
    }

    @Test
    void failuresNameTheUrlAndWhatWentWrong() {
        assertThatThrownBy(() -> target.scaleTo("down", 2)).isInstanceOf(ScaleTargetUnavailable.class)
                .hasMessageContaining("/scale/down (scaling down) answered 503: maintenance until 14:00");
        assertThatThrownBy(() -> target.instances("nonsense")).isInstanceOf(ScaleTargetUnavailable.class)
                .hasMessageContaining("current and desired must be whole numbers");
        long started = System.nanoTime();
        assertThatThrownBy(() -> target.instances("hangs")).isInstanceOf(ScaleTargetUnavailable.class)
                .hasMessageContaining("no answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void theAnswerIsReadWithinTheTimeoutAndWithinItsSize() {
        assertThatThrownBy(() -> target.instances("huge")).isInstanceOf(ScaleTargetUnavailable.class)
                .hasMessageContaining("/scale/huge (scaling huge) answered more than 65536 bytes");
        long started = System.nanoTime();
        assertThatThrownBy(() -> target.instances("trickles")).isInstanceOf(ScaleTargetUnavailable.class)
                .hasMessageContaining("no answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void badConfigurationStopsHeadroomNamingTheProperty() {
        assertThatThrownBy(() -> new WebhookScaleProperties(null, Map.of("cart",
                new WebhookScaleProperties.Receiver(URI.create("http://deploy/scale"), "hunter2", null, null))))
                .hasMessageContaining("headroom.scaling.webhook.services.cart.secret: a secret is whsec_");
        assertThatThrownBy(() -> new WebhookScaleProperties(null, Map.of("cart",
                new WebhookScaleProperties.Receiver(URI.create("deploy/scale"), SECRET, null, null))))
                .hasMessageContaining("headroom.scaling.webhook.services.cart.url must be an absolute http(s) URL");
        assertThatThrownBy(() -> new WebhookScaleProperties(null, Map.of("cart",
                new WebhookScaleProperties.Receiver(URI.create("https://deploy/scale"), SECRET, 4, 2))))
                .hasMessageContaining("min-instances <= max-instances");
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        var headers = new TreeMap<String, List<String>>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
