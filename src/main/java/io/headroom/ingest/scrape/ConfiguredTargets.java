package io.headroom.ingest.scrape;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.ingest.scrape.ScrapeProperties.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The jobs in {@code headroom.scrape.jobs}: their static targets, and the targets their
 * Prometheus HTTP service-discovery endpoints list ({@code [{"targets": ["host:port"],
 * "labels": {...}}]}). An endpoint that cannot be read keeps the targets it gave last.
 */
@Component
class ConfiguredTargets implements TargetDiscovery {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredTargets.class);
    private static final Duration SD_TIMEOUT = Duration.ofSeconds(5);

    private record TargetGroup(List<String> targets, Map<String, String> labels) {
    }

    private final ScrapeProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(SD_TIMEOUT).build();
    private final Map<String, List<ScrapeTarget>> lastDiscovered = new HashMap<>();
    private volatile URI self;

    ConfiguredTargets(ScrapeProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() == null) {
            self = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
        }
    }

    @Override
    public String name() {
        return "config";
    }

    @Override
    public synchronized List<ScrapeTarget> targets() {
        var targets = new ArrayList<ScrapeTarget>();
        properties.jobs().forEach((name, job) -> {
            for (String address : job.staticTargets()) {
                targets.add(target(name, job, address, Map.of(), "config"));
            }
            if (job.httpSdUrl() != null && !job.httpSdUrl().isBlank()) {
                targets.addAll(discover(name, job));
            }
        });
        return targets;
    }

    private List<ScrapeTarget> discover(String name, Job job) {
        URI endpoint = URI.create(job.httpSdUrl());
        if (!endpoint.isAbsolute()) {
            if (self == null) {
                return List.of();
            }
            endpoint = self.resolve(endpoint);
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint).timeout(SD_TIMEOUT)
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            List<TargetGroup> groups = json.readValue(response.body(), new TypeReference<>() { });
            var found = new ArrayList<ScrapeTarget>();
            for (TargetGroup group : groups) {
                for (String address : group.targets() == null ? List.<String>of() : group.targets()) {
                    found.add(target(name, job, address, group.labels() == null ? Map.of() : group.labels(), "http_sd"));
                }
            }
            lastDiscovered.put(name, found);
            return found;
        } catch (IOException | RuntimeException e) {
            log.warn("Service discovery for scrape job {} at {} failed, keeping its last targets: {}", name, endpoint, e.toString());
            return lastDiscovered.getOrDefault(name, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastDiscovered.getOrDefault(name, List.of());
        }
    }

    private ScrapeTarget target(String name, Job job, String address, Map<String, String> labels, String source) {
        var merged = new HashMap<>(job.labels());
        merged.putAll(labels);
        URI url = URI.create("http://" + address + job.metricsPath());
        return ScrapeTarget.of(name, url, merged, properties.interval(job), properties.timeout(job), source, null);
    }
}
