package io.headroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Fills a running Headroom through its OTLP/HTTP receiver, as collectors would, with the data
 * the Explore benchmark reads: traces of ten spans (a root of 1 s and nine calls of 1–990 ms,
 * each in the next service along, about one in 97 failed) evenly over the 24 hours before
 * {@code end}, and log records evenly over the same hours, each tied to a trace; one record in
 * a thousand an error mentioning a timeout, one in three an order placed. Requests go out from
 * {@code senders} threads in time order; one answered 429 or 503 is sent again after its
 * Retry-After, so every record ends up stored.
 */
final class ExploreDataIngest {

    static final int SPANS_PER_TRACE = 10;
    private static final int TRACES_PER_REQUEST = 50;
    private static final int LOGS_PER_REQUEST = 1_000;
    private static final long DAY_NANOS = Duration.ofHours(24).toNanos();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String endpoint;
    private final int services;
    private final long endNanos;
    private final int senders;

    ExploreDataIngest(String endpoint, int services, Instant end, int senders) {
        this.endpoint = endpoint;
        this.services = services;
        this.endNanos = end.getEpochSecond() * 1_000_000_000L + end.getNano();
        this.senders = senders;
    }

    /** Sends {@code spans} spans (whole traces) and prints the rate the receiver acknowledged them at. */
    void sendSpans(long spans) {
        long traces = spans / SPANS_PER_TRACE;
        long requests = (traces + TRACES_PER_REQUEST - 1) / TRACES_PER_REQUEST;
        send("spans", "/v1/traces", requests, traces * SPANS_PER_TRACE, request -> traceRequest(request, traces).toByteArray());
    }

    /** Sends {@code logs} log records tied to the {@code spans / 10} traces and prints the acknowledged rate. */
    void sendLogs(long logs, long spans) {
        long traces = spans / SPANS_PER_TRACE;
        long requests = (logs + LOGS_PER_REQUEST - 1) / LOGS_PER_REQUEST;
        send("logs", "/v1/logs", requests, logs, request -> logRequest(request, logs, traces).toByteArray());
    }

    private void send(String what, String path, long requests, long records, LongFunction<byte[]> body) {
        var next = new AtomicLong();
        var retried = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            var running = new ArrayList<Future<?>>();
            for (int s = 0; s < senders; s++) {
                running.add(pool.submit(() -> {
                    for (long request = next.getAndIncrement(); request < requests; request = next.getAndIncrement()) {
                        post(path, body.apply(request), retried);
                        if (request % 2_000 == 0) {
                            System.out.printf(Locale.ROOT, "%s: request %d of %d at %.0f s%n", what, request, requests,
                                    (System.nanoTime() - started) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(what + " could not be sent", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "ingested %s=%d seconds=%.0f per_s=%.0f retried_requests=%d%n", what, records, seconds,
                records / seconds, retried.get());
    }

    private void post(String path, byte[] body, AtomicLong retried) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        while (true) {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 429 && response.statusCode() != 503) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            retried.incrementAndGet();
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000);
        }
    }

    /** Request {@code index}: traces {@code index × 50} on, grouped by service as an SDK's batch is. */
    private ExportTraceServiceRequest traceRequest(long index, long traces) {
        List<ScopeSpans.Builder> byService = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            byService.add(ScopeSpans.newBuilder());
        }
        for (long trace = index * TRACES_PER_REQUEST; trace < Math.min(traces, (index + 1) * TRACES_PER_REQUEST); trace++) {
            long start = endNanos - DAY_NANOS + (long) (trace * ((double) DAY_NANOS / traces));
            ByteString traceId = traceId(trace);
            ByteString root = spanId(trace * SPANS_PER_TRACE);
            for (int k = 0; k < SPANS_PER_TRACE; k++) {
                long g = trace * SPANS_PER_TRACE + k;
                long duration = k == 0 ? 1_000_000_000L : (1 + (g * 7919) % 990) * 1_000_000L;
                var span = Span.newBuilder().setTraceId(traceId).setSpanId(k == 0 ? root : spanId(g)).setName("op-" + k)
                        .setKind(k == 0 ? Span.SpanKind.SPAN_KIND_SERVER : Span.SpanKind.SPAN_KIND_CLIENT)
                        .setStartTimeUnixNano(start + k * 2_000_000L).setEndTimeUnixNano(start + k * 2_000_000L + duration)
                        .addAttributes(attribute("http.route", "/op-" + k));
                if (k > 0) {
                    span.setParentSpanId(root);
                }
                if (g % 97 == 0) {
                    span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR));
                }
                byService.get((int) ((trace + k) % services)).addSpans(span);
            }
        }
        var request = ExportTraceServiceRequest.newBuilder();
        for (int s = 0; s < services; s++) {
            if (byService.get(s).getSpansCount() > 0) {
                request.addResourceSpans(ResourceSpans.newBuilder().setResource(resource(s)).addScopeSpans(byService.get(s)));
            }
        }
        return request.build();
    }

    private ExportLogsServiceRequest logRequest(long index, long logs, long traces) {
        List<ScopeLogs.Builder> byService = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            byService.add(ScopeLogs.newBuilder());
        }
        for (long g = index * LOGS_PER_REQUEST; g < Math.min(logs, (index + 1) * LOGS_PER_REQUEST); g++) {
            SeverityNumber severity = g % 1000 == 0 ? SeverityNumber.SEVERITY_NUMBER_ERROR
                    : g % 50 == 0 ? SeverityNumber.SEVERITY_NUMBER_WARN : SeverityNumber.SEVERITY_NUMBER_INFO;
            String body = g % 1000 == 0 ? "payment gateway timeout after 3 retries order_id=" + g
                    : g % 3 == 0 ? "order placed order_id=" + g + " total=" + (g % 500)
                    : g % 3 == 1 ? "cart updated items=" + (g % 9) + " session=" + Long.toHexString(g * 0x9E3779B97F4A7C15L)
                    : "GET /products served in " + (g % 300) + " ms";
            byService.get((int) (g % services)).addLogRecords(LogRecord.newBuilder()
                    .setTimeUnixNano(endNanos - DAY_NANOS + (long) (g * ((double) DAY_NANOS / logs)))
                    .setSeverityNumber(severity).setBody(AnyValue.newBuilder().setStringValue(body))
                    .setTraceId(traceId(g * traces / logs)));
        }
        var request = ExportLogsServiceRequest.newBuilder();
        for (int s = 0; s < services; s++) {
            if (byService.get(s).getLogRecordsCount() > 0) {
                request.addResourceLogs(ResourceLogs.newBuilder().setResource(resource(s)).addScopeLogs(byService.get(s)));
            }
        }
        return request.build();
    }

    private static Resource resource(int service) {
        return Resource.newBuilder().addAttributes(attribute("service.name", "svc-" + service)).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    /** Distinct, non-zero and spread out (ids are indexed): a mix of the number in the high half, the number in the low. */
    private static ByteString traceId(long trace) {
        return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(mix(trace) | 1).putLong(trace).array());
    }

    private static ByteString spanId(long span) {
        return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(mix(span) | 1).array());
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
