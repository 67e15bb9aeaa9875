package io.headroom.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Load generator for a running Headroom's OTLP/HTTP trace receiver: {@code --concurrency} threads POST
 * pre-built protobuf requests to {@code {endpoint}/v1/traces} until {@code --total} spans (rounded up to
 * whole requests) are sent, after an uncounted warm-up, then one line goes to stdout:
 * {@code spans_acked=… seconds=… spans_per_s=… p99_request_ms=… errors=…}. {@code errors} counts spans:
 * those rejected through partial success plus every span of a failed request (not 200, unparsable body,
 * connection error). Failed requests are not resent, so acked plus errors is what was sent, and a dead
 * server ends the run quickly instead of hanging it. p99 is over the requests that got an answer.
 */
public final class OtlpTraceBenchmark {

    private static final String[][] DEFAULTS = {{"endpoint", "http://localhost:4318"}, {"spans-per-request", "512"},
        {"concurrency", "4"}, {"services", "10"}, {"operations", "20"}, {"total", "2000000"}, {"warmup", "100000"},
        {"gzip", "false"}, {"error-ratio", "0.01"}};
    // Enough distinct bodies that the server does not see one request over and over, few enough to build in a blink.
    private static final int POOL_SIZE = 64;
    // Spans start up to 2 minutes before their pool is built; rebuilding every 5 keeps them under 10 minutes old.
    private static final long POOL_REFRESH_SECONDS = 300;
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};

    private record Options(URI traces, int spansPerRequest, int concurrency, int services, int operations,
            int total, int warmup, boolean gzip, double errorRatio) {}

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders;
    private final AtomicLong sequence = new AtomicLong();
    // Replaced, never mutated: a sender still holding the old array sends valid bytes all the same.
    private volatile byte[][] pool;

    private OtlpTraceBenchmark(Options options) {
        this.options = options;
        this.senders = Executors.newFixedThreadPool(options.concurrency());
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: OtlpTraceBenchmark [--name=value ...] (or -Dbench.name=value); names and defaults:");
            Arrays.stream(DEFAULTS).forEach(option -> System.err.println("  --" + option[0] + "=" + option[1]));
            System.exit(2);
            return;
        }
        new OtlpTraceBenchmark(options).run();
    }

    private void run() throws InterruptedException, ExecutionException {
        Phase measured;
        long elapsedNanos;
        try {
            pool = buildPool();
            background.scheduleAtFixedRate(() -> pool = buildPool(), POOL_REFRESH_SECONDS, POOL_REFRESH_SECONDS,
                    TimeUnit.SECONDS);
            if (options.warmup() > 0) {
                phase("warmup", options.warmup());
            }
            long start = System.nanoTime();
            measured = phase("measured", options.total());
            elapsedNanos = System.nanoTime() - start;
        } finally {
            background.shutdownNow();
            senders.shutdownNow();
        }

        long[] latencies = Arrays.copyOf(measured.latencyNanos(), measured.answered().get());
        Arrays.sort(latencies);
        double p99Ms = latencies.length == 0 ? 0 : latencies[(int) Math.ceil(latencies.length * 0.99) - 1] / 1e6;
        double seconds = elapsedNanos / 1e9;
        long acked = measured.acked().get();
        System.out.printf(Locale.ROOT, "spans_acked=%d seconds=%.2f spans_per_s=%d p99_request_ms=%.2f errors=%d%n",
                acked, seconds, seconds > 0 ? Math.round(acked / seconds) : 0, p99Ms, measured.errors().get());
    }

    /** Every attempt uses up budget, so the request budget also bounds the number of latencies. */
    private record Phase(AtomicLong remainingRequests, AtomicLong acked, AtomicLong errors, AtomicInteger answered,
            long[] latencyNanos) {
        Phase(int requests) {
            this(new AtomicLong(requests), new AtomicLong(), new AtomicLong(), new AtomicInteger(), new long[requests]);
        }
    }

    private Phase phase(String name, int spans) throws InterruptedException, ExecutionException {
        int requests = (int) (((long) spans + options.spansPerRequest() - 1) / options.spansPerRequest());
        Phase phase = new Phase(requests);
        System.err.printf(Locale.ROOT, "[bench] %s: %d requests of %d spans to %s%n",
                name, requests, options.spansPerRequest(), options.traces());
        AtomicLong lastAcked = new AtomicLong();
        var progress = background.scheduleAtFixedRate(() -> {
            long acked = phase.acked().get();
            System.err.printf(Locale.ROOT, "[bench] %s: %d spans acked, %d spans/s over the last 5 s, %d errors%n",
                    name, acked, (acked - lastAcked.getAndSet(acked)) / 5, phase.errors().get());
        }, 5, 5, TimeUnit.SECONDS);
        for (var sender : senders.invokeAll(Collections.nCopies(options.concurrency(), () -> send(phase)))) {
            sender.get(); // a sender's bug must fail the run, not silently shrink the load
        }
        progress.cancel(false);
        return phase;
    }

    private Void send(Phase phase) throws InterruptedException {
        int spans = options.spansPerRequest();
        while (phase.remainingRequests().getAndDecrement() > 0) {
            byte[][] bodies = pool;
            byte[] body = bodies[(int) (sequence.getAndIncrement() % bodies.length)];
            var request = HttpRequest.newBuilder(options.traces()).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (options.gzip()) {
                request.header("Content-Encoding", "gzip");
            }
            long start = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                phase.errors().addAndGet(spans);
                continue;
            }
            phase.latencyNanos()[phase.answered().getAndIncrement()] = System.nanoTime() - start;
            long rejected = response.statusCode() == 200 ? rejectedSpans(response.body(), spans) : spans;
            phase.acked().addAndGet(spans - rejected);
            phase.errors().addAndGet(rejected);
            Thread.sleep(retryAfterMillis(response)); // what the server asked for; the budget waits with this sender
        }
        return null;
    }

    private static long rejectedSpans(byte[] body, int spans) {
        try {
            return Math.min(spans, ExportTraceServiceResponse.parseFrom(body).getPartialSuccess().getRejectedSpans());
        } catch (InvalidProtocolBufferException e) {
            return spans; // a 200 that is not an OTLP answer acknowledges nothing
        }
    }

    private static long retryAfterMillis(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").trim();
        // Headroom sends delay-seconds; for the rarer HTTP-date form a one-second pause is close enough.
        return value.isEmpty() ? 0 : value.matches("\\d{1,6}") ? Long.parseLong(value) * 1000 : 1000;
    }

    private byte[][] buildPool() {
        byte[][] bodies = new byte[POOL_SIZE][];
        for (int i = 0; i < POOL_SIZE; i++) {
            byte[] body = buildRequest(ThreadLocalRandom.current()).toByteArray();
            bodies[i] = options.gzip() ? gzip(body) : body;
        }
        return bodies;
    }

    /**
     * Whole traces: a SERVER root with up to three CLIENT or INTERNAL children, each CLIENT call answered
     * by a SERVER span in another service. Spans are listed parents first, so cutting the list to exactly
     * spans-per-request never leaves a kept span without its parent. Bodies are reused, so trace and span
     * ids repeat every POOL_SIZE requests (about 60 times in a default run). Headroom stores duplicates
     * without complaint, so this is fine for ingest figures, but the stored traces are not distinct, and
     * the trace_id index sees repeated keys, which B-tree deduplication may make slightly cheaper.
     */
    private ExportTraceServiceRequest buildRequest(Random random) {
        List<Owned> spans = new ArrayList<>();
        long nowNanos = System.currentTimeMillis() * 1_000_000L;
        while (spans.size() < options.spansPerRequest()) {
            ByteString traceId = id(random, 16);
            int service = random.nextInt(options.services());
            // Log-normal with a 20 ms median: the long right tail real request latencies have.
            long duration = (long) (Math.exp(Math.log(20) + 0.8 * random.nextGaussian()) * 1_000_000);
            long start = nowNanos - duration - (long) (random.nextDouble() * 120e9);
            Span root = span(random, traceId, ByteString.EMPTY, operation(service, random), SpanKind.SPAN_KIND_SERVER,
                    start, duration);
            spans.add(new Owned(service, root));
            for (int children = random.nextInt(4); children > 0; children--) {
                long childDuration = (long) (duration * (0.1 + 0.5 * random.nextDouble()));
                long childStart = start + (long) ((duration - childDuration) * random.nextDouble());
                if (options.services() == 1 || random.nextBoolean()) {
                    spans.add(new Owned(service, span(random, traceId, root.getSpanId(), operation(service, random),
                            SpanKind.SPAN_KIND_INTERNAL, childStart, childDuration)));
                    continue;
                }
                Span client = span(random, traceId, root.getSpanId(), operation(service, random), SpanKind.SPAN_KIND_CLIENT,
                        childStart, childDuration);
                int callee = (service + 1 + random.nextInt(options.services() - 1)) % options.services();
                long serverDuration = childDuration * 9 / 10;
                spans.add(new Owned(service, client));
                spans.add(new Owned(callee, span(random, traceId, client.getSpanId(), operation(callee, random),
                        SpanKind.SPAN_KIND_SERVER, childStart + (childDuration - serverDuration) / 2, serverDuration)));
            }
        }
        var request = ExportTraceServiceRequest.newBuilder();
        spans.subList(0, options.spansPerRequest()).stream()
                .collect(Collectors.groupingBy(Owned::service, TreeMap::new,
                        Collectors.mapping(Owned::span, Collectors.toList())))
                .forEach((service, serviceSpans) -> request.addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "bench-service-" + service)))
                        .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(serviceSpans)
                                .setScope(InstrumentationScope.newBuilder().setName("io.headroom.bench").setVersion("1")))));
        return request.build();
    }

    private record Owned(int service, Span span) {}

    private Span span(Random random, ByteString traceId, ByteString parentId, String operation, SpanKind kind,
            long start, long duration) {
        boolean error = random.nextDouble() < options.errorRatio();
        int space = operation.indexOf(' ');
        var span = Span.newBuilder().setTraceId(traceId).setSpanId(id(random, 8)).setParentSpanId(parentId)
                .setName(operation).setKind(kind).setStartTimeUnixNano(start).setEndTimeUnixNano(start + duration)
                .addAttributes(attribute("http.request.method", operation.substring(0, space)))
                .addAttributes(attribute("http.route", operation.substring(space + 1)));
        if (kind != SpanKind.SPAN_KIND_INTERNAL) {
            span.addAttributes(KeyValue.newBuilder().setKey("http.response.status_code")
                    .setValue(AnyValue.newBuilder().setIntValue(error ? 500 : 200)));
        }
        if (error) {
            span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("simulated failure"));
        }
        return span.build();
    }

    /**
     * Every span, whatever its kind, is named from its own service's set, so a service never has more than
     * --operations names; CLIENT spans named after the callee would multiply that by the number of services.
     */
    private String operation(int service, Random random) {
        int index = random.nextInt(options.operations());
        return METHODS[(service + index) % METHODS.length] + " /api/s" + service + "/resource" + index
                + (index % 3 == 0 ? "/{id}" : "");
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static ByteString id(Random random, int bytes) {
        byte[] id = new byte[bytes];
        random.nextBytes(id);
        id[0] |= 1; // all-zero ids are invalid and would be rejected
        return ByteString.copyFrom(id);
    }

    private static byte[] gzip(byte[] body) {
        var out = new ByteArrayOutputStream(body.length / 4);
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String[] option : DEFAULTS) {
            values.put(option[0], System.getProperty("bench." + option[0], option[1]));
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : "";
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            values.put(name, arg.substring(equals + 1));
        }
        String endpoint = values.get("endpoint").trim().replaceAll("/+$", "");
        String gzip = values.get("gzip").trim();
        String ratio = values.get("error-ratio").trim();
        require(endpoint.matches("https?://[^/\\s]+(/\\S*)?"), "--endpoint must be an http(s) URL, was " + endpoint);
        require(gzip.equals("true") || gzip.equals("false"), "--gzip must be true or false, was " + gzip);
        require(ratio.matches("0(\\.\\d*)?|\\.\\d+|1(\\.0*)?"), "--error-ratio must be a number from 0 to 1, was " + ratio);
        return new Options(URI.create(endpoint + "/v1/traces"), integer(values, "spans-per-request", 1),
                integer(values, "concurrency", 1), integer(values, "services", 1), integer(values, "operations", 1),
                integer(values, "total", 1), integer(values, "warmup", 0), gzip.equals("true"), Double.parseDouble(ratio));
    }

    private static int integer(Map<String, String> values, String name, int minimum) {
        String text = values.get(name).trim();
        require(text.matches("\\d{1,10}") && Long.parseLong(text) >= minimum && Long.parseLong(text) <= Integer.MAX_VALUE,
                "--" + name + " must be a whole number from " + minimum + " to " + Integer.MAX_VALUE + ", was " + text);
        return Integer.parseInt(text);
    }

    private static void require(boolean valid, String problem) {
        if (!valid) {
            throw new IllegalArgumentException(problem);
        }
    }
}
