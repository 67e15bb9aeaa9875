package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scaling a demo service by hand over the API starts real instances that take traffic, and drains them again. */
@DemoFleetTest
class DemoScalingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void scalingUpAddsInstancesThatServeTrafficAndScalingDownDrainsThem() throws Exception {
        var response = scale("catalog", "{\"instances\": 3}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode instances = JSON.readTree(response.body());
        assertThat(instances.get("desired").asInt()).isEqualTo(3);
        assertThat(instances.get("current").asInt()).isEqualTo(3);

        // Each instance reports its own service.instance.id; all three must be taking requests.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(DISTINCT r.attributes->>'service.instance.id') FROM spans s JOIN resources r USING (resource_id)
                WHERE s.service_name = 'catalog' AND s.start_time > now() - interval '10 seconds'""")
                .query(Long.class).single() == 3);

        // The instances that ran are recorded for cost: three of them at the demo's list price.
        JsonNode capacity = await().atMost(Duration.ofSeconds(10)).until(
                () -> JSON.readTree(get("/api/v1/services/catalog?window=5m").body()).get("capacity"),
                node -> node.get("instances").asInt() == 3);
        assertThat(capacity.get("pricePerInstanceHour").asDouble()).isEqualTo(0.096);
        assertThat(capacity.get("costPerHour").asDouble()).isCloseTo(3 * 0.096, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(jdbc.sql("SELECT source FROM service_prices WHERE service_name = 'catalog'").query(String.class).single())
                .isEqualTo("list");

        assertThat(scale("catalog", "{\"instances\": 1}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> JSON.readTree(get("/api/v1/services/catalog/instances").body())
                .get("current").asInt() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> JSON.readTree(get("/api/v1/services/catalog?window=5m").body())
                .get("capacity").get("instances").asInt() == 1);
    }

    @Test
    void invalidScaleRequestsAreRefusedWithAReason() throws Exception {
        for (String body : new String[] {"{\"instances\": 0}", "{\"instances\": 11}", "{\"instances\": -2}", "{}",
                "{\"instances\": \"many\"}", "not json"}) {
            var response = scale("pricing", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("message").asText()).as(body).isNotBlank();
        }
        var unknown = scale("no-such-service", "{\"instances\": 2}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).isEqualTo("not_found");
    }

    private HttpResponse<String> scale(String service, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/services/" + service + "/scale"))
                .header("Content-Type", "application/json").header("Authorization", TestUsers.adminBasic()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", TestUsers.adminBasic())
                .GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
