package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fleet's instances are found through its HTTP service discovery as they start and stop,
 * and scraped: every instance is an up target under its service's job, and its /metrics
 * samples are stored under that service.
 */
@DemoFleetTest
class DemoScrapeDiscoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DemoFleet fleet;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void everyInstanceIsDiscoveredScrapedAndFollowedAsItScales() {
        JsonNode groups = api().get("/api/v1/demo/targets").body();
        assertThat(groups).hasSize(fleet.services().size());
        assertThat(groups.get(0).path("targets").get(0).asText()).startsWith("127.0.0.1:");

        await().atMost(WAIT).untilAsserted(() -> assertThat(upTargets("gateway")).hasSize(1));
        await().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT count(*) FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = 'gateway' AND s.metric_name = 'http_server_request_duration_seconds_count'
                  AND m.value > 0""").query(Long.class).single() > 0);

        fleet.scaleTo("inventory", 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(upTargets("inventory")).hasSize(2));
        fleet.scaleTo("inventory", 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(targets("inventory")).hasSize(1));
    }

    private List<JsonNode> targets(String job) {
        var found = new ArrayList<JsonNode>();
        for (JsonNode target : api().get("/api/v1/targets").body().path("data").path("activeTargets")) {
            if (target.path("labels").path("job").asText().equals(job)) {
                assertThat(target.path("source").asText()).isEqualTo("http_sd");
                found.add(target);
            }
        }
        return found;
    }

    private List<JsonNode> upTargets(String job) {
        return targets(job).stream().filter(target -> target.path("health").asText().equals("up")).toList();
    }

    private JsonApi api() {
        return new JsonApi(port);
    }
}
