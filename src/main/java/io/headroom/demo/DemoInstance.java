package io.headroom.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * One instance of a demo service: a real HTTP server on a loopback port. At most
 * {@code concurrency} requests are worked on at once and {@code queue} more wait; beyond that
 * it answers 503 at once, as a server with a bounded pool does. Latency is queueing plus its
 * own work plus its downstream calls, so it grows with load and shrinks with more instances.
 */
final class DemoInstance implements AutoCloseable {

    private static final AttributeKey<String> CHAOS_EXPERIMENT_ID = AttributeKey.stringKey("chaos.experiment.id");
    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<HttpExchange> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange exchange) {
            return exchange.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpExchange exchange, String key) {
            return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
        }
    };

    private final ServiceSpec spec;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final HttpServer server;
    private final ExecutorService threads;
    private final Semaphore admitted;
    private final Semaphore workers;
    private final SdkTracerProvider tracing;
    private final Tracer tracer;
    private final FleetEnvironment environment;
    private final Map<String, CpuBurner> burners = new ConcurrentHashMap<>();
    private volatile boolean killed;

    DemoInstance(ServiceSpec spec, FleetEnvironment environment) throws IOException {
        this.spec = spec;
        this.environment = environment;
        this.admitted = new Semaphore(spec.concurrency() + spec.queue());
        this.workers = new Semaphore(spec.concurrency(), true);
        this.tracing = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), spec.name(),
                        AttributeKey.stringKey("service.instance.id"), instanceId,
                        AttributeKey.stringKey("service.version"), "1.0.0",
                        AttributeKey.stringKey("deployment.environment.name"), "demo"))))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder()
                        .setEndpoint(environment.otlpEndpoint() + "/v1/traces").build())
                        .setScheduleDelay(Duration.ofSeconds(1)).build())
                .build();
        this.tracer = tracing.get("io.headroom.demo");
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "demo-" + spec.name() + "-" + instanceId);
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        Context parent = PROPAGATOR.extract(Context.root(), exchange, HEADERS);
        Span span = tracer.spanBuilder(exchange.getRequestMethod() + " " + path).setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", exchange.getRequestMethod())
                .setAttribute("url.path", path)
                .startSpan();
        int status;
        try (Scope scope = span.makeCurrent()) {
            if (admitted.tryAcquire()) {
                status = serve(path, span);
            } else {
                status = 503;
                span.setStatus(StatusCode.ERROR, "queue full");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
        }
        if (killed) {
            // A killed process neither answers nor reports: its callers see the connection drop.
            return;
        }
        span.setAttribute("http.response.status_code", status);
        span.end();
        byte[] answer = (status < 500 ? "ok" : "unavailable").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private int serve(String path, Span span) throws InterruptedException {
        try {
            workers.acquire();
            try {
                FleetFaults.Hit hit = environment.faults().roll(spec.name());
                if (hit.faultIds() != null) {
                    span.setAttribute(CHAOS_EXPERIMENT_ID, hit.faultIds());
                }
                if (hit.errorStatus() != 0) {
                    span.setStatus(StatusCode.ERROR, "injected fault");
                    return hit.errorStatus();
                }
                work(hit.extraMicros());
                for (String downstream : spec.downstream()) {
                    if (!call(downstream, path)) {
                        span.setStatus(StatusCode.ERROR, "downstream " + downstream + " failed");
                        return 502;
                    }
                }
                return 200;
            } finally {
                workers.release();
            }
        } finally {
            admitted.release();
        }
    }

    private void work(long extraMicros) throws InterruptedException {
        double millis = spec.medianMillis() * Math.exp(spec.sigma() * ThreadLocalRandom.current().nextGaussian());
        TimeUnit.MICROSECONDS.sleep((long) (millis * 1000) + extraMicros);
    }

    private boolean call(String downstream, String path) {
        Optional<URI> target = environment.resolve().apply(downstream);
        Span span = tracer.spanBuilder("GET " + downstream).setSpanKind(SpanKind.CLIENT)
                .setAttribute("peer.service", downstream).startSpan();
        try (Scope scope = span.makeCurrent()) {
            if (target.isEmpty()) {
                span.setStatus(StatusCode.ERROR, "no instance of " + downstream);
                return false;
            }
            var request = HttpRequest.newBuilder(target.get().resolve(path)).timeout(Duration.ofSeconds(10)).GET();
            PROPAGATOR.inject(Context.current(), request, HttpRequest.Builder::header);
            HttpResponse<Void> response = environment.client().send(request.build(), HttpResponse.BodyHandlers.discarding());
            span.setAttribute("http.response.status_code", response.statusCode());
            if (response.statusCode() >= 500) {
                span.setStatus(StatusCode.ERROR);
                return false;
            }
            return true;
        } catch (IOException e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            span.end();
        }
    }

    /** Keeps {@code percentOfCore} of one core busy until {@link #stopBurning} with the same fault id. */
    void burn(String faultId, double percentOfCore) {
        burners.computeIfAbsent(faultId, id -> new CpuBurner("demo-cpu-" + spec.name() + "-" + instanceId, percentOfCore));
    }

    void stopBurning(String faultId) {
        CpuBurner burner = burners.remove(faultId);
        if (burner != null) {
            burner.close();
        }
    }

    /** Stops taking connections and waits up to {@code seconds} for in-flight requests to finish. */
    void drain(int seconds) {
        server.stop(seconds);
        release();
    }

    /** Dies at once, as a process killed with SIGKILL: open connections drop and in-flight work is lost. */
    void kill() {
        killed = true;
        close();
    }

    @Override
    public void close() {
        server.stop(0);
        release();
    }

    private void release() {
        threads.shutdownNow();
        burners.keySet().forEach(this::stopBurning);
        tracing.close();
    }

}
