package io.headroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * Times the 24-hour KPI query of one service against a running Headroom. It first sends spans
 * spread over the last 24 hours (so the service has 1,440 minute rollups), then asks
 * {@code GET /api/v1/services/{service}?window=24h} repeatedly over HTTP and prints
 * {@code rollup_minutes=… queries=… query_p50_ms=… query_p99_ms=… p99_ms_reported=…}.
 */
public final class RollupQueryBenchmark {

    public static void main(String[] args) throws Exception {
        String otlp = option(args, "otlp", "http://localhost:4318");
        String api = option(args, "api", "http://localhost:8080");
        int spansPerMinute = Integer.parseInt(option(args, "spans-per-minute", "100"));
        int queries = Integer.parseInt(option(args, "queries", "200"));
        // The API needs a user; the administrator's password as Headroom was started with it.
        String credentials = option(args, "user", "admin") + ":" + option(args, "password", System.getenv().getOrDefault("HEADROOM_ADMIN_PASSWORD", ""));
        String service = option(args, "service", "bench-rollup-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 24));
        if (Arrays.asList(args).contains("--help")) {
            System.err.println("options: --otlp=URL --api=URL --spans-per-minute=N --queries=N --service=NAME --user=NAME --password=P (default $HEADROOM_ADMIN_PASSWORD)");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long nowMinute = System.currentTimeMillis() / 60_000 * 60_000;
        int minutes = 1_440;
        for (int batchStart = 0; batchStart < minutes; batchStart += 10) {
            var scope = ScopeSpans.newBuilder();
            for (int m = batchStart; m < Math.min(minutes, batchStart + 10); m++) {
                long minuteNanos = (nowMinute - (long) m * 60_000) * 1_000_000L;
                for (int i = 0; i < spansPerMinute; i++) {
                    long start = minuteNanos + i * (60_000_000_000L / spansPerMinute);
                    long duration = (long) (Math.exp(ThreadLocalRandom.current().nextGaussian() * 0.8 + Math.log(20)) * 1_000_000);
                    scope.addSpans(Span.newBuilder().setTraceId(id(16)).setSpanId(id(8)).setName("GET /query")
                            .setKind(Span.SpanKind.SPAN_KIND_SERVER).setStartTimeUnixNano(start).setEndTimeUnixNano(start + duration));
                }
            }
            var request = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                            .setValue(AnyValue.newBuilder().setStringValue(service))))
                    .addScopeSpans(scope)).build();
            var response = http.send(HttpRequest.newBuilder(URI.create(otlp + "/v1/traces"))
                    .header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200
                    || ExportTraceServiceResponse.parseFrom(response.body()).getPartialSuccess().getRejectedSpans() > 0) {
                throw new IllegalStateException("ingest failed: HTTP " + response.statusCode());
            }
        }

        var query = HttpRequest.newBuilder(URI.create(api + "/api/v1/services/" + service + "?window=24h")).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build();
        String body = "";
        for (int i = 0; i < 200; i++) {
            body = http.send(query, HttpResponse.BodyHandlers.ofString()).body();
        }
        long[] micros = new long[queries];
        for (int i = 0; i < queries; i++) {
            long start = System.nanoTime();
            var response = http.send(query, HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("query failed: HTTP " + response.statusCode() + " " + response.body());
            }
        }
        Arrays.sort(micros);
        String p99 = body.replaceAll(".*\"p99Ms\":([0-9.]+).*", "$1");
        System.out.printf(Locale.ROOT, "rollup_minutes=%d queries=%d query_p50_ms=%.2f query_p99_ms=%.2f p99_ms_reported=%s%n",
                minutes, queries, micros[queries / 2] / 1000.0, micros[(int) Math.ceil(queries * 0.99) - 1] / 1000.0, p99);
    }

    private static ByteString id(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return ByteString.copyFrom(id);
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return System.getProperty("bench." + name, fallback);
    }
}
