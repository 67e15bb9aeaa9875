package io.headroom.chaos.cmsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import example.shop.ShopApplication;
import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultInjectorContract;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Chaos Monkey for Spring Boot adapter against the real library, in a real Spring Boot
 * application started here: assaults set through its actuator show in the application's answers
 * (latency, HTTP 500 from the exception assault) and stop when the fault is stopped, with the
 * monkey disabled again.
 */
class ChaosMonkeyInjectorIT extends FaultInjectorContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext shop;
    private static URI base;
    private static ChaosMonkeyInjector injector;

    @BeforeAll
    static void startTheShop() {
        // Arguments, not defaults: they outrank the application.properties of Headroom on this classpath, which
        // spring.config.name keeps the shop from reading at all.
        shop = new SpringApplicationBuilder(ShopApplication.class).profiles("chaos-monkey")
                .run("--spring.config.name=chaos-monkey-shop", "--server.port=0", "--server.address=127.0.0.1",
                        "--spring.main.banner-mode=off", "--spring.application.name=shop",
                        "--management.endpoints.web.exposure.include=chaosmonkey", "--management.endpoint.chaosmonkey.enabled=true",
                        "--chaos.monkey.enabled=false", "--chaos.monkey.watcher.rest-controller=true", "--spring.jmx.enabled=false");
        base = URI.create("http://127.0.0.1:" + ((ServletWebServerApplicationContext) shop).getWebServer().getPort());
        injector = new ChaosMonkeyInjector(new ChaosMonkeyProperties(
                Map.of("shop", new ChaosMonkeyProperties.Target(base.resolve("/actuator"), null, null)), null), JSON);
    }

    @AfterAll
    static void stopTheShop() {
        shop.close();
    }

    @Override
    protected FaultInjector injector() {
        return injector;
    }

    @Override
    protected String service() {
        return "shop";
    }

    @Override
    protected Answer request() {
        long start = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/price")).build());
        return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
    }

    @Test
    void theMonkeyIsEnabledWithTheAssaultWhileTheFaultRunsAndDisabledAfter() throws Exception {
        String id = UUID.randomUUID().toString();
        injector.start(id, "shop", new FaultSpec(FaultType.LATENCY, 300, 100, 50, Duration.ofMinutes(1)));
        try {
            assertThat(settings().get("chaosMonkeyProperties").get("enabled").asBoolean()).isTrue();
            JsonNode assaults = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/actuator/chaosmonkey/assaults")).build()).body());
            assertThat(assaults.get("latencyActive").asBoolean()).isTrue();
            assertThat(assaults.get("latencyRangeStart").asInt()).isEqualTo(300);
            assertThat(assaults.get("latencyRangeEnd").asInt()).isEqualTo(400);
            assertThat(assaults.get("level").asInt()).as("one request in two, for 50 %").isEqualTo(2);
            assertThatThrownBy(() -> injector.start(UUID.randomUUID().toString(), "shop",
                    new FaultSpec(FaultType.ERROR, 500, 0, 100, Duration.ofMinutes(1))))
                    .hasMessageContaining("one assault per application");
        } finally {
            injector.stop(id);
        }
        JsonNode after = settings();
        assertThat(after.get("chaosMonkeyProperties").get("enabled").asBoolean()).as("the monkey disabled on rollback").isFalse();
        assertThat(after.get("assaultProperties").get("latencyActive").asBoolean()).isFalse();
    }

    @Test
    void anApplicationThatDoesNotAnswerIsReportedAsUnavailableNamingIt() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var away = new ChaosMonkeyInjector(new ChaosMonkeyProperties(Map.of("gone", new ChaosMonkeyProperties.Target(
                URI.create("http://127.0.0.1:" + closed + "/actuator"), null, null)), null), JSON);
        assertThatThrownBy(() -> away.start(UUID.randomUUID().toString(), "gone",
                new FaultSpec(FaultType.LATENCY, 300, 0, 100, Duration.ofMinutes(1))))
                .isInstanceOf(io.headroom.chaos.FaultInjectorUnavailable.class)
                .hasMessageContaining("Chaos Monkey for Spring Boot at http://127.0.0.1:" + closed).hasMessageContaining("did not answer");
    }

    @Test
    void faultsTheMonkeyCannotDoAsAskedAreRefused() {
        assertThatThrownBy(() -> injector.start(UUID.randomUUID().toString(), "shop",
                new FaultSpec(FaultType.ERROR, 503, 0, 100, Duration.ofMinutes(1)))).hasMessageContaining("magnitude must be 500");
        assertThatThrownBy(() -> injector.start(UUID.randomUUID().toString(), "shop",
                new FaultSpec(FaultType.CPU, 50, 0, 100, Duration.ofMinutes(1)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChaosMonkeyInjector.level(100)).isEqualTo(1);
        assertThat(ChaosMonkeyInjector.level(10)).isEqualTo(10);
        assertThat(ChaosMonkeyInjector.level(0.001)).isEqualTo(10_000);
    }

    /** The monkey's settings as its actuator reports them. */
    private static JsonNode settings() throws IOException {
        return JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/actuator/chaosmonkey")).build()).body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
