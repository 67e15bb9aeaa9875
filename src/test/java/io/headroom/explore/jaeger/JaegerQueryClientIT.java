package io.headroom.explore.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.opentracing.References;
import io.opentracing.tag.Tags;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The real Jaeger Java client (jaeger-core 1.8.1, Thrift over HTTP) reports a trace across two
 * services and a failed request; every query endpoint reads them back as Jaeger's query service
 * would show them, field by field.
 */
@HeadroomIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JaegerQueryClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    JsonApi api;
    final String billing = TestObjects.uniqueService("billing");
    final String payments = TestObjects.uniqueService("payments");
    final long start = TestObjects.nowMicros() - 2_000_000;
    String traceId;
    String failedTraceId;
    Map<String, String> spanIds;

    @BeforeAll
    void reportSpansWithTheJaegerClient() throws Exception {
        api = new JsonApi(port);
        JaegerTracer tracer = tracer(billing);
        JaegerTracer paymentsTracer = tracer(payments);

        JaegerSpan server = tracer.buildSpan("POST /invoices").withStartTimestamp(start)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER).withTag("http.method", "POST")
                .withTag("http.status_code", 201).withTag("invoice.amount", 12.5).withTag("invoice.total", 1.0E7)
                .withTag("invoice.draft", false).start();
        JaegerSpan client = tracer.buildSpan("charge card").asChildOf(server).withStartTimestamp(start + 100)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT).withTag("peer.service", "payments").start();
        client.log(start + 150, Map.of("event", "retry", "attempt", 2));
        JaegerSpan authorize = paymentsTracer.buildSpan("authorize").asChildOf(client.context()).withStartTimestamp(start + 200)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER).start();
        authorize.finish(start + 1_200);
        client.finish(start + 4_100);
        JaegerSpan audit = tracer.buildSpan("write audit").addReference(References.FOLLOWS_FROM, server.context())
                .withStartTimestamp(start + 5_000).start();
        audit.finish(start + 5_300);
        server.finish(start + 12_345);

        JaegerSpan failed = tracer.buildSpan("POST /invoices").withStartTimestamp(start + 20_000)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER).start();
        Tags.ERROR.set(failed, true);
        failed.log(start + 20_500, "pdf renderer crashed");
        failed.finish(start + 27_000);
        paymentsTracer.close();
        tracer.close();

        assertThat(server.context().getTraceIdHigh()).as("the client's default: 64-bit trace ids").isZero();
        traceId = "%016x".formatted(server.context().getTraceIdLow());
        failedTraceId = "%016x".formatted(failed.context().getTraceIdLow());
        spanIds = Map.of("server", hex(server), "client", hex(client), "authorize", hex(authorize), "audit", hex(audit),
                "failed", hex(failed));
    }

    @Test
    void aTraceByIdIsWhatTheClientSent() {
        JsonApi.Answer answer = api.get("/api/traces/" + traceId);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(json("""
                {"data": [%s], "total": 0, "limit": 0, "offset": 0, "errors": null}""".formatted(expectedTrace())));
    }

    @Test
    void aTraceIdReadsTheSameInAnyCaseAndLength() {
        JsonNode padded = api.get("/api/traces/" + "0".repeat(16) + traceId.toUpperCase()).body();
        assertThat(padded.at("/data/0/traceID").asText()).isEqualTo(traceId);
        assertThat(padded.at("/data/0/spans")).hasSize(4);
    }

    @Test
    void searchReturnsWholeTracesNewestFirst() {
        JsonNode found = api.get("/api/traces?service=" + billing + "&lookback=1h").body();

        assertThat(found.get("data").findValuesAsText("traceID").stream().distinct())
                .containsExactly(failedTraceId, traceId);
        assertThat(found.at("/data/1")).as("with the span of another service").isEqualTo(json(expectedTrace()));
        assertThat(found.at("/data/0")).isEqualTo(json("""
                {"traceID": "%s", "spans": [
                  {"traceID": "%s", "spanID": "%s", "operationName": "POST /invoices", "references": [],
                   "startTime": %d, "duration": 7000,
                   "tags": [{"key": "sampler.param", "type": "bool", "value": true},
                            {"key": "sampler.type", "type": "string", "value": "const"},
                            {"key": "span.kind", "type": "string", "value": "server"},
                            {"key": "otel.status_code", "type": "string", "value": "ERROR"},
                            {"key": "error", "type": "bool", "value": true}],
                   "logs": [{"timestamp": %d, "fields": [{"key": "event", "type": "string", "value": "pdf renderer crashed"}]}],
                   "processID": "p1", "warnings": null}],
                 "processes": {"p1": %s}}""".formatted(failedTraceId, failedTraceId, spanIds.get("failed"), start + 20_000,
                start + 20_500, process(billing))));

        JsonApi.Answer errorsAnswer = api.get("/api/traces?service=" + billing + "&tag=error:true");
        assertThat(errorsAnswer.status()).isEqualTo(200);
        JsonNode errors = errorsAnswer.body();
        assertThat(errors.get("data").findValuesAsText("traceID").stream().distinct()).containsExactly(failedTraceId);
        JsonNode fromPayments = api.get("/api/traces?service=" + payments).body();
        assertThat(fromPayments.at("/data/0/spans")).as("the whole trace, not only payments' span").hasSize(4);
    }

    @Test
    void servicesAndOperationsAreListedOnceTheirRollupsAreApplied() {
        JsonNode services = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/services").body(),
                body -> contains(body.get("data"), billing)
                        && contains(body.get("data"), payments));
        assertThat(services.get("total").asInt()).isEqualTo(services.get("data").size());
        assertThat(services.get("errors").isNull()).isTrue();

        assertThat(api.get("/api/services/" + billing + "/operations").body()).isEqualTo(json("""
                {"data": ["POST /invoices", "charge card", "write audit"], "total": 3, "limit": 0, "offset": 0, "errors": null}"""));
        assertThat(api.get("/api/operations?service=" + billing).body()).isEqualTo(json("""
                {"data": [{"name": "POST /invoices", "spanKind": "server"}, {"name": "charge card", "spanKind": "client"},
                          {"name": "write audit", "spanKind": ""}],
                 "total": 3, "limit": 0, "offset": 0, "errors": null}"""));
        assertThat(api.get("/api/operations?service=" + billing + "&spanKind=client").body()).isEqualTo(json("""
                {"data": [{"name": "charge card", "spanKind": "client"}], "total": 1, "limit": 0, "offset": 0, "errors": null}"""));
    }

    @Test
    void dependenciesCountCallsBetweenServices() {
        long now = System.currentTimeMillis();
        assertThat(api.get("/api/dependencies?endTs=" + now + "&lookback=3600000&service=" + payments).body()).isEqualTo(json("""
                {"data": [{"parent": "%s", "child": "%s", "callCount": 1}], "total": 0, "limit": 0, "offset": 0, "errors": null}"""
                .formatted(billing, payments)));
        assertThat(api.get("/api/dependencies?endTs=" + (now - 3_600_000) + "&lookback=60000&service=" + payments)
                .body().get("data")).as("an hour earlier").isEmpty();
        assertThat(api.get("/api/dependencies?lookback=604800000").body().get("data").toString())
                .as("the Jaeger UI's week, read as the last 24 hours").contains(payments);
    }

    private String expectedTrace() {
        return """
                {"traceID": "%1$s", "spans": [
                  {"traceID": "%1$s", "spanID": "%2$s", "operationName": "POST /invoices", "references": [],
                   "startTime": %6$d, "duration": 12345,
                   "tags": [{"key": "http.method", "type": "string", "value": "POST"},
                            {"key": "http.status_code", "type": "int64", "value": 201},
                            {"key": "invoice.amount", "type": "float64", "value": 12.5},
                            {"key": "invoice.draft", "type": "bool", "value": false},
                            {"key": "invoice.total", "type": "float64", "value": 1.0E7},
                            {"key": "sampler.param", "type": "bool", "value": true},
                            {"key": "sampler.type", "type": "string", "value": "const"},
                            {"key": "span.kind", "type": "string", "value": "server"}],
                   "logs": [], "processID": "p1", "warnings": null},
                  {"traceID": "%1$s", "spanID": "%3$s", "operationName": "charge card",
                   "references": [{"refType": "CHILD_OF", "traceID": "%1$s", "spanID": "%2$s"}],
                   "startTime": %7$d, "duration": 4000,
                   "tags": [{"key": "peer.service", "type": "string", "value": "payments"},
                            {"key": "span.kind", "type": "string", "value": "client"}],
                   "logs": [{"timestamp": %8$d, "fields": [{"key": "event", "type": "string", "value": "retry"},
                                                           {"key": "attempt", "type": "int64", "value": 2}]}],
                   "processID": "p1", "warnings": null},
                  {"traceID": "%1$s", "spanID": "%4$s", "operationName": "authorize",
                   "references": [{"refType": "CHILD_OF", "traceID": "%1$s", "spanID": "%3$s"}],
                   "startTime": %9$d, "duration": 1000,
                   "tags": [{"key": "span.kind", "type": "string", "value": "server"}],
                   "logs": [], "processID": "p2", "warnings": null},
                  {"traceID": "%1$s", "spanID": "%5$s", "operationName": "write audit",
                   "references": [{"refType": "FOLLOWS_FROM", "traceID": "%1$s", "spanID": "%2$s"}],
                   "startTime": %10$d, "duration": 300, "tags": [], "logs": [], "processID": "p1", "warnings": null}],
                 "processes": {"p1": %11$s, "p2": %12$s}}""".formatted(traceId, spanIds.get("server"), spanIds.get("client"),
                spanIds.get("authorize"), spanIds.get("audit"), start, start + 100, start + 150, start + 200, start + 5_000,
                process(billing), process(payments));
    }

    /** The client's process tags (hostname and version as ingest renames them) and the tracer's own, typed. */
    private static String process(String service) {
        return """
                {"serviceName": "%s", "tags": [
                  {"key": "build", "type": "int64", "value": 42},
                  {"key": "canary", "type": "bool", "value": true},
                  {"key": "host.name", "type": "string", "value": "billing-host-1"},
                  {"key": "ip", "type": "string", "value": "10.0.0.7"},
                  {"key": "load.factor", "type": "float64", "value": 0.75},
                  {"key": "opencensus.exporterversion", "type": "string", "value": "Jaeger-Java-1.8.1"},
                  {"key": "region", "type": "string", "value": "eu-west-1"}]}""".formatted(service);
    }

    private JaegerTracer tracer(String service) throws TTransportException {
        var sender = new HttpSender.Builder("http://127.0.0.1:" + port + "/api/traces").build();
        return new JaegerTracer.Builder(service)
                .withSampler(new ConstSampler(true))
                .withReporter(new RemoteReporter.Builder().withSender(sender).withFlushInterval(60_000).build())
                .withTag("hostname", "billing-host-1")
                .withTag("ip", "10.0.0.7")
                .withTag("region", "eu-west-1")
                .withTag("build", 42)
                .withTag("load.factor", 0.75)
                .withTag("canary", true)
                .withManualShutdown()
                .build();
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static String hex(JaegerSpan span) {
        return "%016x".formatted(span.context().getSpanId());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
