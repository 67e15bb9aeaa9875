package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.OtlpClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With the demo on, a living shop appears in Headroom: every service has traffic, and traces cross services. */
@DemoFleetTest
class DemoFleetIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    DemoFleet fleet;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyServiceOfTheShopReportsTrafficAndTracesCrossServices() {
        assertThat(fleet.services()).containsExactlyInAnyOrder(
                "gateway", "auth", "catalog", "pricing", "inventory", "checkout", "payments", "billing");

        // 40 requests/s at the gateway; the 30 s window starts at a minute boundary, so the rate
        // climbs towards 40 as the fleet has run for more of it.
        Map<String, Double> throughput = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::throughputByService, byService -> byService.size() == 8
                        && byService.values().stream().allMatch(rate -> rate > 0) && byService.get("gateway") > 10);
        assertThat(throughput.get("gateway")).as("never more than the load generator sends").isLessThan(45);

        long services = jdbc.sql("""
                SELECT max(n) FROM (SELECT count(DISTINCT service_name) AS n FROM spans
                                    WHERE start_time > now() - interval '5 minutes' GROUP BY trace_id) t""")
                .query(Long.class).single();
        assertThat(services).as("one request's trace spans the gateway and the services behind it").isGreaterThanOrEqualTo(6);
    }

    private Map<String, Double> throughputByService() throws Exception {
        var response = OtlpClient.get("http://127.0.0.1:" + port + "/api/v1/services?window=30s");
        Map<String, Double> rates = new HashMap<>();
        for (JsonNode service : JSON.readTree(response.body()).get("services")) {
            rates.put(service.get("service").asText(), service.get("throughput").asDouble());
        }
        return rates;
    }
}
