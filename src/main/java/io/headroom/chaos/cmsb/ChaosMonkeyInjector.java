package io.headroom.chaos.cmsb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultInjectorUnavailable;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Breaks Spring Boot applications that run Chaos Monkey for Spring Boot, through its actuator
 * endpoints: a fault sets the latency or exception assault ({@code POST /chaosmonkey/assaults})
 * and enables the monkey; stopping it disables the monkey and switches the assaults off again.
 * The application decides which of its beans are watched (its {@code chaos.monkey.watcher.*}
 * settings). One application holds one assault configuration, so one fault runs per service.
 * Requests are attacked with probability 1/level, the level chosen from the fault's percentage.
 */
@Component
public class ChaosMonkeyInjector implements FaultInjector {

    private static final Logger log = LoggerFactory.getLogger(ChaosMonkeyInjector.class);

    private final ChaosMonkeyProperties properties;
    private final ObjectMapper json;
    private final HttpClient http;
    /** Running fault id to the service it runs on. */
    private final Map<String, String> running = new ConcurrentHashMap<>();

    public ChaosMonkeyInjector(ChaosMonkeyProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Set<String> services() {
        return properties.services().keySet();
    }

    @Override
    public synchronized void start(String faultId, String service, FaultSpec spec) {
        ChaosMonkeyProperties.Target target = properties.services().get(service);
        if (target == null) {
            throw new IllegalArgumentException("no Chaos Monkey for Spring Boot application is configured as '" + service + "'");
        }
        running.entrySet().stream().filter(entry -> entry.getValue().equals(service)).findFirst().ifPresent(entry -> {
            throw new IllegalArgumentException("Chaos Monkey for Spring Boot holds one assault per application: fault "
                    + entry.getKey() + " runs on " + service + " already");
        });
        if (spec.instancePercentage() != 100) {
            throw new IllegalArgumentException("a Chaos Monkey for Spring Boot target is one application: instancePercentage must be 100");
        }
        post(target, "/chaosmonkey/assaults", assaults(spec));
        post(target, "/chaosmonkey/enable", null);
        running.put(faultId, service);
        log.info("Chaos Monkey for Spring Boot on {}: {}", service, spec.describe());
    }

    @Override
    public synchronized void stop(String faultId) {
        String service = running.remove(faultId);
        if (service == null) {
            return;
        }
        ChaosMonkeyProperties.Target target = properties.services().get(service);
        post(target, "/chaosmonkey/disable", null);
        post(target, "/chaosmonkey/assaults", Map.of("latencyActive", false, "exceptionsActive", false));
    }

    /** The assault settings for the fault; faults the monkey cannot do as asked are refused. */
    static Map<String, Object> assaults(FaultSpec spec) {
        var assaults = new LinkedHashMap<String, Object>();
        assaults.put("level", level(spec.percentage()));
        assaults.put("deterministic", false);
        assaults.put("killApplicationActive", false);
        assaults.put("memoryActive", false);
        assaults.put("cpuActive", false);
        switch (spec.type()) {
            case LATENCY -> {
                assaults.put("latencyActive", true);
                assaults.put("latencyRangeStart", (int) Math.round(spec.magnitude()));
                assaults.put("latencyRangeEnd", (int) Math.round(spec.magnitude() + spec.jitter()));
                assaults.put("exceptionsActive", false);
            }
            case ERROR -> {
                if (spec.magnitude() != 500) {
                    throw new IllegalArgumentException("Chaos Monkey for Spring Boot fails requests with an exception, "
                            + "which Spring answers with HTTP 500: magnitude must be 500");
                }
                assaults.put("latencyActive", false);
                assaults.put("exceptionsActive", true);
            }
            case KILL, CPU -> throw new IllegalArgumentException(spec.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " faults are not injected through Chaos Monkey for Spring Boot: its kill assault ends the application, which "
                    + "Headroom cannot start again on rollback, and its CPU assault targets the whole machine's load");
        }
        return assaults;
    }

    /** Chaos Monkey attacks one request in {@code level} (at random): the nearest level to the percentage. */
    static int level(double percentage) {
        return (int) Math.max(1, Math.min(10_000, Math.round(100 / percentage)));
    }

    private void post(ChaosMonkeyProperties.Target target, String path, Object body) {
        URI uri = URI.create(target.url().toString().replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(write(body)));
        if (target.username() != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((target.username() + ":" + target.password()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FaultInjectorUnavailable("Chaos Monkey for Spring Boot at " + uri + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultInjectorUnavailable("interrupted while calling " + uri, e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
            throw new FaultInjectorUnavailable("Chaos Monkey for Spring Boot at " + uri + " answered " + response.statusCode() + ": " + answer,
                    null);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
