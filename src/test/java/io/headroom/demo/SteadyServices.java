package io.headroom.demo;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.JsonApi;

/** Tests share the fleet: an experiment's test starts from the service's own steady state over the before-check's 5 minutes. */
final class SteadyServices {

    private SteadyServices() {
    }

    static void awaitSteadyState(JsonApi api, String service) {
        await().atMost(Duration.ofSeconds(360)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonNode kpis = api.get("/api/v1/services/" + service + "?window=5m").body();
            return kpis.path("requests").asLong() > 0 && kpis.path("p99Ms").asDouble(Double.MAX_VALUE) < 250
                    && api.get("/api/v1/chaos/runs?service=" + service + "&limit=1").body().findValuesAsText("status").stream()
                            .noneMatch("RUNNING"::equals);
        });
    }
}
