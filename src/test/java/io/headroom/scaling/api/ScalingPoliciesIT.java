package io.headroom.scaling.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scaling policies over HTTP: defaults filled in as the HPA's, a round trip through PUT, one
 * policy per service, and every malformed body refused with a 400 that names what is wrong.
 */
@HeadroomIntegrationTest
class ScalingPoliciesIT {

    @LocalServerPort
    int port;

    @Test
    void createsWithTheHpaDefaultsAndRoundTrips() {
        var api = new JsonApi(port);
        String service = TestObjects.uniqueService("policy");
        JsonApi.Answer created = api.post("/api/v1/scaling/policies", """
                {"service": "%s", "metric": "requests_per_instance", "target": 50, "minInstances": 2, "maxInstances": 8}"""
                .formatted(service));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        var policy = created.body();
        assertThat(policy.get("tolerance").asDouble()).isEqualTo(0.1);
        assertThat(policy.get("scaleUp").get("stabilizationWindow").asText()).isEqualTo("0s");
        assertThat(policy.get("scaleUp").get("limits").findValuesAsText("kind")).containsExactly("percent", "instances");
        assertThat(policy.get("scaleDown").get("stabilizationWindow").asText()).isEqualTo("5m");
        assertThat(policy.get("excludeChaos").asBoolean()).isTrue();

        String id = policy.get("id").asText();
        JsonApi.Answer updated = api.put("/api/v1/scaling/policies/" + id, """
                {"service": "%s", "metric": "p99", "target": 300, "minInstances": 1, "maxInstances": 4, "cooldown": "1m",
                 "schedules": [{"cron": "0 8 * * MON-FRI", "zone": "Europe/Berlin", "duration": "10h", "minInstances": 3}],
                 "excludeChaos": false}""".formatted(service));
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        var read = api.get("/api/v1/scaling/policies/" + id).body();
        assertThat(read.get("metric").asText()).isEqualTo("p99");
        assertThat(read.get("cooldown").asText()).isEqualTo("1m");
        assertThat(read.get("schedules").get(0).get("zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.get("schedules").get(0).get("duration").asText()).isEqualTo("10h");
        assertThat(read.get("excludeChaos").asBoolean()).isFalse();

        JsonApi.Answer twice = api.post("/api/v1/scaling/policies", """
                {"service": "%s", "metric": "p99", "target": 300, "minInstances": 1, "maxInstances": 4}""".formatted(service));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("message").asText()).contains("has a scaling policy already");

        assertThat(api.delete("/api/v1/scaling/policies/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/scaling/policies/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services/" + service + "/scaling/evaluations").body().get("evaluations")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown metric        | \"metric\": \"cpu\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2 | metric must be one of",
            "no target             | \"metric\": \"p99\", \"minInstances\": 1, \"maxInstances\": 2 | target, minInstances and maxInstances are required",
            "target zero           | \"metric\": \"p99\", \"target\": 0, \"minInstances\": 1, \"maxInstances\": 2 | target must be a number above 0",
            "min above max         | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 3, \"maxInstances\": 2 | 1 <= minInstances <= maxInstances",
            "tolerance 1           | \"metric\": \"p99\", \"target\": 1, \"tolerance\": 1, \"minInstances\": 1, \"maxInstances\": 2 | tolerance must be",
            "bad cron              | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2, \"schedules\": [{\"cron\": \"at eight\", \"zone\": \"UTC\", \"duration\": \"1h\", \"minInstances\": 1}] | is not a cron expression",
            "bad zone              | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2, \"schedules\": [{\"cron\": \"0 8 * * *\", \"zone\": \"Mars/Base\", \"duration\": \"1h\", \"minInstances\": 1}] | zone must be a time zone",
            "floor above max       | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2, \"schedules\": [{\"cron\": \"0 8 * * *\", \"zone\": \"UTC\", \"duration\": \"1h\", \"minInstances\": 5}] | is above maxInstances",
            "bad limit kind        | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2, \"scaleUp\": {\"limits\": [{\"kind\": \"pods\", \"value\": 1, \"period\": \"15s\"}]} | scaleUp.limits[].kind must be percent or instances",
            "window too long       | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2, \"scaleDown\": {\"stabilizationWindow\": \"2h\"} | stabilisation window must be between",
            "bad cooldown          | \"metric\": \"p99\", \"target\": 1, \"minInstances\": 1, \"maxInstances\": 2, \"cooldown\": \"soon\" | cooldown"})
    void refusesWhatCannotBeAPolicy(String name, String fields, String reason) {
        JsonApi.Answer answer = new JsonApi(port).post("/api/v1/scaling/policies",
                "{\"service\": \"" + TestObjects.uniqueService("bad") + "\", " + fields + "}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).contains(reason);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        JsonApi.Answer answer = new JsonApi(port).post("/api/v1/scaling/policies", "{\"service\": ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).startsWith("body must be");
    }
}
