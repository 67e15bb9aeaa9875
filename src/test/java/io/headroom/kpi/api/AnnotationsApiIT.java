package io.headroom.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.kpi.CapacityLedger;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scaling, faults and a new service.version come back as the annotations of the service's time axis. */
@HeadroomIntegrationTest
class AnnotationsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    CapacityLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void scalingFaultsAndDeploysAreAnnotatedInTimeOrder() {
        String service = TestObjects.uniqueService("annotated");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ledger.observe(service, now.minus(Duration.ofHours(3)), 2); // before the window: only its successor shows
        ledger.observe(service, now.minus(Duration.ofMinutes(40)), 4);
        // A fault the chaos module recorded 20 minutes ago, stopped after five.
        jdbc.sql("""
                INSERT INTO chaos_faults (id, service, type, magnitude, jitter, percentage, started_at, ends_at, ended_at, end_reason)
                VALUES (?, ?, 'LATENCY', 200, 0, 30, ?, ?, ?, 'stopped')""")
                .params(UUID.randomUUID(), service, Timestamp.from(now.minus(Duration.ofMinutes(20))),
                        Timestamp.from(now.minus(Duration.ofMinutes(10))), Timestamp.from(now.minus(Duration.ofMinutes(15))))
                .update();
        sendVersion(service, "2.4.0");

        var api = new JsonApi(port);
        JsonNode answer = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/services/" + service + "/annotations").body(),
                body -> body.get("annotations").size() == 3);
        JsonNode annotations = answer.get("annotations");
        assertThat(annotations.findValuesAsText("kind")).containsExactly("scale", "fault", "deploy");
        assertThat(annotations.get(0).get("text").asText()).isEqualTo("scaled 2 → 4 instances");
        assertThat(annotations.get(1).get("text").asText()).isEqualTo("fault: latency +200 ms on 30 % of requests (stopped)");
        assertThat(Instant.parse(annotations.get(1).get("end").asText())).isEqualTo(now.minus(Duration.ofMinutes(15)));
        assertThat(annotations.get(2).get("text").asText()).isEqualTo("version 2.4.0");

        JsonNode lastTenMinutes = api.get("/api/v1/services/" + service + "/annotations?from="
                + now.minus(Duration.ofMinutes(10)).getEpochSecond()).body();
        assertThat(lastTenMinutes.get("annotations").findValuesAsText("kind")).containsExactly("deploy");
        assertThat(api.get("/api/v1/services/" + service + "/annotations?from=" + now.getEpochSecond() + "&to="
                + now.minusSeconds(60).getEpochSecond()).status()).isEqualTo(400);
    }

    private void sendVersion(String service, String version) {
        Resource resource = TestObjects.resource(service).toBuilder()
                .addAttributes(KeyValue.newBuilder().setKey("service.version").setValue(AnyValue.newBuilder().setStringValue(version)))
                .build();
        var request = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(TestObjects.serverSpan("GET /", TestObjects.nowNanos(), 1_000_000))))
                .build();
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                request.toByteArray()).statusCode()).isEqualTo(200);
    }
}
