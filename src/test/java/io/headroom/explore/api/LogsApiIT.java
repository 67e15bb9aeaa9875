package io.headroom.explore.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Log search over records the OpenTelemetry SDK sent: each filter (words, severity, attribute,
 * trace id, service) against a set with known answers, the volume by severity per step, and
 * every bad parameter answered 400 naming it.
 */
@HeadroomIntegrationTest
class LogsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    private String service;
    private String traceId;
    private long minute;

    /** 20 records in one past minute, a second apart: 12 INFO "order placed", 5 WARN "payment declined", 3 ERROR. */
    @BeforeEach
    void sendLogs() {
        service = TestObjects.uniqueService("logs");
        minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(2, ChronoUnit.MINUTES).getEpochSecond();
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)));
        var provider = SdkLoggerProvider.builder()
                .setResource(resource)
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(
                        OtlpHttpLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + otlpPort.port() + "/v1/logs").build()).build())
                .build();
        Logger logger = provider.get("io.headroom.test");
        var tracerProvider = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + otlpPort.port() + "/v1/traces").build()).build())
                .build();
        Span span = tracerProvider.get("io.headroom.test").spanBuilder("checkout").startSpan();
        traceId = span.getSpanContext().getTraceId();
        for (int i = 0; i < 20; i++) {
            var record = logger.logRecordBuilder().setTimestamp(minute + i, TimeUnit.SECONDS);
            if (i < 12) {
                record.setSeverity(Severity.INFO).setBody("order placed order_id=" + i).setAttribute(AttributeKey.longKey("order.id"), (long) i);
            } else if (i < 17) {
                try (var scope = span.makeCurrent()) {
                    record.setSeverity(Severity.WARN).setBody("payment declined for card <img src=x onerror=alert(1)>")
                            .setContext(Context.current());
                }
            } else {
                record.setSeverity(Severity.ERROR).setBody("payment service unreachable");
            }
            record.emit();
        }
        span.end();
        assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(tracerProvider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        provider.close();
        tracerProvider.close();
    }

    @Test
    void eachFilterFindsExactlyTheRecordsThatMatchNewestFirst() {
        String range = "service=" + service + "&from=" + minute + "&to=" + (minute + 60);
        JsonNode all = get("/api/v1/logs?" + range).get("logs");
        assertThat(all).hasSize(20);
        assertThat(all.get(0).get("time").asText()).isEqualTo(Instant.ofEpochSecond(minute + 19).toString());
        assertThat(all.get(19).get("body").asText()).isEqualTo("order placed order_id=0");

        assertThat(bodies("/api/v1/logs?" + range + "&q=" + encode("payment"))).hasSize(8);
        assertThat(bodies("/api/v1/logs?" + range + "&q=" + encode("payment -declined")))
                .containsOnly("payment service unreachable").hasSize(3);
        assertThat(bodies("/api/v1/logs?" + range + "&q=" + encode("\"placed order_id 7\""))).containsExactly("order placed order_id=7");
        assertThat(get("/api/v1/logs?" + range + "&severity=warn").get("logs")).extracting(log -> log.get("severity").asText())
                .containsOnly("warn", "error").hasSize(8);
        assertThat(get("/api/v1/logs?" + range + "&severity=17").get("logs")).hasSize(3);
        assertThat(bodies("/api/v1/logs?" + range + "&attr=" + encode("order.id=4"))).containsExactly("order placed order_id=4");

        JsonNode traced = get("/api/v1/logs?from=" + minute + "&to=" + (minute + 60) + "&traceId=" + traceId).get("logs");
        assertThat(traced).hasSize(5);
        assertThat(traced.get(0).get("traceId").asText()).isEqualTo(traceId);
        // Stored and answered as text: the markup is a string in JSON, never interpreted.
        assertThat(traced.get(0).get("body").asText()).isEqualTo("payment declined for card <img src=x onerror=alert(1)>");
        assertThat(get("/api/v1/logs?" + range + "&limit=2").get("logs")).hasSize(2);
        assertThat(get("/api/v1/logs?service=" + service + "-other&from=" + minute + "&to=" + (minute + 60)).get("logs")).isEmpty();
        assertThat(all.get(19).get("attributes").get("order.id").asLong()).isZero();
    }

    @Test
    void volumeCountsEachSeverityBandPerStep() {
        JsonNode volume = get("/api/v1/logs/volume?service=" + service + "&from=" + minute + "&to=" + (minute + 60) + "&step=15s");
        assertThat(volume.get("stepSeconds").asLong()).isEqualTo(15);
        assertThat(volume.get("timestamps")).extracting(JsonNode::asLong).containsExactly(minute, minute + 15, minute + 30, minute + 45);
        // Seconds 0-11 INFO, 12-16 WARN, 17-19 ERROR.
        assertThat(volume.get("bands").get("info")).extracting(JsonNode::asLong).containsExactly(12L, 0L, 0L, 0L);
        assertThat(volume.get("bands").get("warn")).extracting(JsonNode::asLong).containsExactly(3L, 2L, 0L, 0L);
        assertThat(volume.get("bands").get("error")).extracting(JsonNode::asLong).containsExactly(0L, 3L, 0L, 0L);
        assertThat(volume.get("bands").has("debug")).isFalse();
        JsonNode words = get("/api/v1/logs/volume?service=" + service + "&from=" + minute + "&to=" + (minute + 60) + "&q=declined");
        assertThat(words.get("bands").get("warn")).extracting(JsonNode::asLong).containsOnly(0L, 1L);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        var api = new JsonApi(port);
        for (String[] bad : new String[][] {{"severity=loud", "severity"}, {"attr=novalue", "attr"}, {"traceId=xyz", "traceId"},
                {"limit=0", "limit"}, {"limit=many", "limit"}, {"window=5m&from=1", "window"}, {"from=200&to=100", "from"}}) {
            JsonApi.Answer answer = api.get("/api/v1/logs?" + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body().get("parameter").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        JsonApi.Answer tooFine = api.get("/api/v1/logs/volume?window=7d&step=1s");
        assertThat(tooFine.status()).isEqualTo(400);
        assertThat(tooFine.body().get("parameter").asText()).isEqualTo("step");
    }

    private List<String> bodies(String path) {
        var bodies = new ArrayList<String>();
        get(path).get("logs").forEach(log -> bodies.add(log.get("body").asText()));
        return bodies;
    }

    private JsonNode get(String path) {
        JsonApi.Answer answer = new JsonApi(port).get(path);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
