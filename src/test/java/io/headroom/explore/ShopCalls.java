package io.headroom.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Requests through gateway → catalog → pricing, as three services report them over OTLP: each
 * caller's CLIENT span is the parent of the callee's SERVER span. Request i's call to catalog
 * takes 50 + i ms; the first two fail at pricing.
 */
public final class ShopCalls {

    private static final long MS = 1_000_000L;

    private ShopCalls() {
    }

    /** Sends {@code requests} requests two seconds apart from {@code startNanos}, each service in its own export. */
    public static void send(int otlpPort, String gateway, String catalog, String pricing, long startNanos, int requests) {
        var gatewaySpans = new ArrayList<Span.Builder>();
        var catalogSpans = new ArrayList<Span.Builder>();
        var pricingSpans = new ArrayList<Span.Builder>();
        for (int i = 0; i < requests; i++) {
            long t = startNanos + i * 2_000 * MS;
            ByteString trace = TestObjects.randomId(16);
            Span.Builder root = TestObjects.serverSpan("GET /checkout", t, 100 * MS).setTraceId(trace);
            Span.Builder toCatalog = child(root, "GET catalog", t + 10 * MS, (50 + i) * MS, Span.SpanKind.SPAN_KIND_CLIENT);
            Span.Builder products = child(toCatalog, "GET /products", t + 12 * MS, 45 * MS, Span.SpanKind.SPAN_KIND_SERVER);
            Span.Builder toPricing = child(products, "GET pricing", t + 15 * MS, 20 * MS, Span.SpanKind.SPAN_KIND_CLIENT);
            Span.Builder price = child(toPricing, "GET /price", t + 16 * MS, 18 * MS, Span.SpanKind.SPAN_KIND_SERVER);
            if (i < 2) {
                TestObjects.failed(price);
            }
            gatewaySpans.add(root);
            gatewaySpans.add(toCatalog);
            catalogSpans.add(products);
            catalogSpans.add(toPricing);
            pricingSpans.add(price);
        }
        // The callee first: the map must not depend on the order services report in.
        post(otlpPort, pricing, pricingSpans);
        post(otlpPort, catalog, catalogSpans);
        post(otlpPort, gateway, gatewaySpans);
    }

    private static Span.Builder child(Span.Builder parent, String name, long start, long duration, Span.SpanKind kind) {
        return TestObjects.serverSpan(name, start, duration).setTraceId(parent.getTraceId()).setParentSpanId(parent.getSpanId())
                .setKind(kind);
    }

    private static void post(int otlpPort, String service, List<Span.Builder> spans) {
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);
    }
}
