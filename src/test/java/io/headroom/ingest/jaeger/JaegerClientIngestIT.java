package io.headroom.ingest.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.propagation.TraceContextCodec;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentracing.References;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import org.apache.thrift.transport.TTransportException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real Jaeger Java client (jaeger-core 1.8.1, Thrift over HTTP, as JAEGER_ENDPOINT sets it
 * up) reports to Headroom's main port. {@code tracer.close()} returns after the last POST was
 * answered, and Headroom answers only after commit, so every assertion reads the database at once.
 */
@HeadroomIntegrationTest
class JaegerClientIngestIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void jaegerClientSpansAreStoredExactlyAsSent() throws Exception {
        String service = TestObjects.uniqueService("billing");
        JaegerTracer tracer = tracer(service);
        long start = TestObjects.nowMicros() - 1_000_000;

        JaegerSpan server = tracer.buildSpan("POST /invoices").withStartTimestamp(start)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER).withTag("http.method", "POST")
                .withTag("http.status_code", 201).withTag("invoice.amount", 12.5).withTag("invoice.draft", false).start();
        JaegerSpan client = tracer.buildSpan("charge card").asChildOf(server).withStartTimestamp(start + 100)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT).withTag("peer.service", "payments").start();
        client.log(start + 150, Map.of("event", "retry", "attempt", 2));
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
        tracer.close();

        Map<String, Map<String, Object>> spans = new HashMap<>();
        jdbc.sql("""
                SELECT name || '/' || encode(span_id, 'hex') AS key, encode(trace_id, 'hex') AS trace_id,
                       encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent_span_id, kind,
                       status_code, (extract(epoch FROM start_time) * 1000000)::bigint AS start_micros, duration_ns,
                       attributes::text AS attributes, events::text AS events, links::text AS links
                FROM spans WHERE service_name = ?""").param(service).query().listOfRows()
                .forEach(row -> spans.put((String) row.get("span_id"), row));
        assertThat(spans).hasSize(4);

        Map<String, Object> serverRow = spans.get(hex(server));
        assertThat(serverRow).containsEntry("trace_id", server.context().getTraceId())
                .containsEntry("parent_span_id", null).containsEntry("kind", 2).containsEntry("status_code", 0)
                .containsEntry("start_micros", start).containsEntry("duration_ns", 12_345_000L);
        assertThat(server.context().getTraceId()).as("128-bit trace id").hasSize(32);
        JsonNode serverAttributes = JSON.readTree((String) serverRow.get("attributes"));
        assertThat(serverAttributes.get("http.method").isTextual()).isTrue();
        assertThat(serverAttributes.get("http.status_code").isIntegralNumber()).isTrue();
        assertThat(serverAttributes.get("http.status_code").asLong()).isEqualTo(201);
        assertThat(serverAttributes.get("invoice.amount").asDouble()).isEqualTo(12.5);
        assertThat(serverAttributes.get("invoice.draft").isBoolean()).isTrue();
        assertThat(serverAttributes.get("sampler.type").asText()).isEqualTo("const");
        assertThat(serverAttributes.has("span.kind")).as("span.kind became the kind").isFalse();

        Map<String, Object> clientRow = spans.get(hex(client));
        assertThat(clientRow).containsEntry("trace_id", server.context().getTraceId())
                .containsEntry("parent_span_id", hex(server)).containsEntry("kind", 3)
                .containsEntry("start_micros", start + 100).containsEntry("duration_ns", 4_000_000L);
        assertThat(JSON.readTree((String) clientRow.get("events"))).isEqualTo(JSON.readTree("""
                [{"timeUnixNano": %d, "name": "retry", "attributes": {"attempt": 2}}]""".formatted((start + 150) * 1000)));

        Map<String, Object> auditRow = spans.get(hex(audit));
        assertThat(auditRow).as("FOLLOWS_FROM stands in for the parent").containsEntry("parent_span_id", hex(server))
                .containsEntry("kind", 0).containsEntry("duration_ns", 300_000L);
        assertThat(JSON.readTree((String) auditRow.get("links"))).isEqualTo(JSON.readTree("""
                [{"traceId": "%s", "spanId": "%s", "traceState": "", "attributes": {"opentracing.ref_type": "follows_from"}}]"""
                .formatted(server.context().getTraceId(), hex(server))));

        Map<String, Object> failedRow = spans.get(hex(failed));
        assertThat(failedRow).containsEntry("status_code", 2).containsEntry("kind", 2).containsEntry("parent_span_id", null);
        assertThat(JSON.readTree((String) failedRow.get("attributes")).has("error")).as("error=true became the status").isFalse();
        assertThat(JSON.readTree((String) failedRow.get("events")).get(0).get("name").asText()).isEqualTo("pdf renderer crashed");

        JsonNode resource = JSON.readTree(jdbc.sql("SELECT attributes::text FROM resources WHERE service_name = ?")
                .param(service).query(String.class).single());
        assertThat(resource.get("service.name").asText()).isEqualTo(service);
        assertThat(resource.get("host.name").asText()).isEqualTo("billing-host-1");
        assertThat(resource.get("service.instance.id").asText()).isEqualTo("billing-1");
        assertThat(resource.get("opencensus.exporterversion").asText()).isEqualTo("Jaeger-Java-1.8.1");

        // Rollups are applied from the journal shortly after commit: two requests (the SERVER spans), one failed.
        var api = new JsonApi(port);
        JsonNode summary = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/services/" + service + "?window=5m"),
                answer -> answer.status() == 200 && answer.body().get("requests").asLong() == 2).body();
        assertThat(summary.get("errors").asLong()).isEqualTo(1);
    }

    @Test
    void aTraceStartedWithOpenTelemetryIsContinuedByJaeger() throws Exception {
        String upstream = TestObjects.uniqueService("checkout");
        String downstream = TestObjects.uniqueService("billing");
        var otel = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), upstream)))
                .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + port + "/v1/traces").build()))
                .build();
        var call = otel.get("io.headroom.test").spanBuilder("call billing")
                .setSpanKind(io.opentelemetry.api.trace.SpanKind.CLIENT).startSpan();
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(call), headers, Map::put);

        JaegerTracer tracer = tracer(downstream);
        JaegerSpanContext parent = tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
        JaegerSpan server = tracer.buildSpan("POST /invoices").asChildOf(parent)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER).start();
        server.finish();
        tracer.close();
        call.end();
        assertThat(otel.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        otel.close();

        List<String> rows = jdbc.sql("""
                SELECT service_name || ' ' || encode(trace_id, 'hex') || ' ' || encode(span_id, 'hex') || ' '
                       || coalesce(encode(parent_span_id, 'hex'), '-')
                FROM spans WHERE service_name IN (?, ?) ORDER BY start_time""").param(upstream).param(downstream)
                .query(String.class).list();
        String traceId = call.getSpanContext().getTraceId();
        assertThat(rows).containsExactly(
                upstream + " " + traceId + " " + call.getSpanContext().getSpanId() + " -",
                downstream + " " + traceId + " " + hex(server) + " " + call.getSpanContext().getSpanId());
    }

    @Test
    void binaryTagsAndTheOtherThriftContentTypeAreAccepted() {
        String service = TestObjects.uniqueService("thrift-binary");
        var span = TestObjects.jaegerSpan("GET /", TestObjects.nowMicros(), 1_000);
        span.getTags().add(new Tag("digest", TagType.BINARY).setVBinary(new byte[] {(byte) 0xde, (byte) 0xad}));
        span.setReferences(List.of(new SpanRef(SpanRefType.CHILD_OF, 42, 7, 99)));
        var response = OtlpClient.post("http://127.0.0.1:" + port + "/api/traces", "application/vnd.apache.thrift.binary",
                null, TestObjects.thrift(service, span));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(jdbc.sql("""
                SELECT (attributes->>'digest') || ' ' || (links->0->>'traceId') || ' ' || (links->0->'attributes'->>'opentracing.ref_type')
                FROM spans WHERE service_name = ?""").param(service).query(String.class).single())
                .as("binary as base64; a reference into another trace is a link")
                .isEqualTo("3q0= 0000000000000007000000000000002a child_of");
    }

    private JaegerTracer tracer(String service) throws TTransportException {
        var sender = new HttpSender.Builder("http://127.0.0.1:" + port + "/api/traces").build();
        var w3c = new TraceContextCodec.Builder().build();
        return new JaegerTracer.Builder(service)
                .withSampler(new ConstSampler(true))
                .withReporter(new RemoteReporter.Builder().withSender(sender).withFlushInterval(60_000).build())
                .withTag("hostname", "billing-host-1")
                .withTag("service.instance.id", "billing-1")
                .withTraceId128Bit()
                .withManualShutdown()
                .registerInjector(Format.Builtin.HTTP_HEADERS, w3c)
                .registerExtractor(Format.Builtin.HTTP_HEADERS, w3c)
                .build();
    }

    private static String hex(JaegerSpan span) {
        return String.format("%016x", span.context().getSpanId());
    }
}
