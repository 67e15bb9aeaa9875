package io.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A platform Headroom acts on (a scale webhook, a Chaos Monkey actuator) that does not answer is
 * the platform's failure, not Headroom's: 502 naming what was called, and nothing left
 * half-done. Nothing listens on port 1 of the loopback.
 */
@HeadroomIntegrationTest
@TestPropertySource(properties = {
        "headroom.scaling.webhook.services.away.url=http://127.0.0.1:1/scale",
        "headroom.scaling.webhook.services.away.secret=whsec_" + "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0IQ==",
        "headroom.chaos.chaos-monkey.services.gone.url=http://127.0.0.1:1/actuator",
})
class UnreachablePlatformIT {

    @LocalServerPort
    int port;

    @Test
    void anUnreachableScaleWebhookIsABadGatewayNamingIt() {
        var api = new JsonApi(port);
        JsonApi.Answer read = api.get("/api/v1/services/away/instances");
        assertThat(read.status()).as("%s", read.body()).isEqualTo(502);
        assertThat(read.body().get("error").asText()).isEqualTo("scale_target_unavailable");
        assertThat(read.body().get("message").asText()).startsWith("GET http://127.0.0.1:1/scale (scaling away) failed: ");

        JsonApi.Answer scale = api.post("/api/v1/services/away/scale", "{\"instances\": 3}");
        assertThat(scale.status()).as("%s", scale.body()).isEqualTo(502);
        assertThat(scale.body().get("message").asText()).contains("http://127.0.0.1:1/scale");
    }

    @Test
    void anUnreachableChaosMonkeyIsABadGatewayAndTheFaultIsRecordedAsNotStarted() {
        var api = new JsonApi(port);
        JsonApi.Answer injected = api.post("/api/v1/services/gone/faults", """
                {"type": "latency", "magnitude": 200, "durationSeconds": 30}""");
        assertThat(injected.status()).as("%s", injected.body()).isEqualTo(502);
        assertThat(injected.body().get("error").asText()).isEqualTo("fault_injector_unavailable");
        assertThat(injected.body().get("message").asText()).contains("http://127.0.0.1:1/actuator");

        JsonNode faults = api.get("/api/v1/faults").body().get("faults");
        JsonNode attempt = null;
        for (JsonNode fault : faults) {
            if (fault.get("service").asText().equals("gone")) {
                attempt = fault;
            }
        }
        assertThat(attempt).as("the attempt is on record: %s", faults).isNotNull();
        assertThat(attempt.get("active").asBoolean()).isFalse();
        assertThat(attempt.get("endReason").asText()).startsWith("not started: ");
    }
}
