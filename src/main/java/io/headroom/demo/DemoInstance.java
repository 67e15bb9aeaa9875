package io.headroom.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.headroom.demo.DemoTracing.DemoSpan;
import io.headroom.demo.DemoTracing.LogLevel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;

/**
 * One instance of a demo service: a real HTTP server on a loopback port ({@link DemoServer}). At
 * most {@code concurrency} requests are worked on at once and {@code queue} more wait; beyond that
 * it answers 503 at once, as a server with a bounded pool does. Latency is queueing plus its
 * own work plus its downstream calls, so it grows with load and shrinks with more instances.
 */
final class DemoInstance implements AutoCloseable {

    private static final Duration SLOW = Duration.ofSeconds(1);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain; charset=utf-8");
    private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAVAILABLE = "unavailable".getBytes(StandardCharsets.UTF_8);

    private final ServiceSpec spec;
    private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
    private final DemoServer server;
    private final DemoTracing tracing;
    private final InstanceMetrics metrics;
    private final FleetEnvironment environment;
    private final Map<String, CpuBurner> burners = new ConcurrentHashMap<>();
    private final URI uri;
    private volatile boolean killed;

    DemoInstance(ServiceSpec spec, FleetEnvironment environment) throws IOException {
        this.spec = spec;
        this.environment = environment;
        this.tracing = switch (spec.instrumentation()) {
            case OPENTELEMETRY -> new OtelTracing(Resource.getDefault().merge(Resource.create(Attributes.of(
                    AttributeKey.stringKey("service.name"), spec.name(),
                    AttributeKey.stringKey("service.instance.id"), instanceId,
                    AttributeKey.stringKey("service.version"), "1.0.0",
                    AttributeKey.stringKey("deployment.environment.name"), "demo"))),
                    environment.otel());
            case JAEGER -> new JaegerTracing(spec.name(), instanceId, environment.jaegerEndpoint());
        };
        this.server = new DemoServer("demo-" + spec.name() + "-" + instanceId, spec.concurrency(), spec.queue(), this::handle);
        this.metrics = new InstanceMetrics(spec.concurrency(), server::busy, server::recentUtilisation, server::waiting,
                () -> burners.values().stream().mapToLong(CpuBurner::cpuNanos).sum());
        uri = URI.create("http://127.0.0.1:" + server.port());
    }

    URI uri() {
        return uri;
    }

    /** @return the answer, or null when the instance was killed meanwhile */
    private DemoServer.Response handle(DemoServer.Request request) {
        String path = request.path();
        if (path.equals(DemoServer.METRICS_PATH)) {
            return metrics.scrape(request);
        }
        DemoServer.Arrival arrival = request.arrival();
        long startCpu = InstanceMetrics.threadCpuNanos();
        DemoSpan span = tracing.serverSpan(request.method(), path, request.headers(), arrival);
        int status;
        try {
            if (request.overflowing()) {
                status = 503;
                span.fail("queue full");
                span.log(LogLevel.WARN, "rejected %s: all %d workers busy and %d requests queued"
                        .formatted(path, spec.concurrency(), spec.queue()));
            } else {
                status = serve(path, span);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
        }
        if (killed) {
            // A killed process neither answers nor reports: its callers see the connection drop.
            return null;
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrival.nanoTime());
        if (tookMillis >= SLOW.toMillis()) {
            span.log(LogLevel.WARN, "slow request %s took %d ms".formatted(path, tookMillis));
        }
        span.httpStatus(status);
        span.end();
        metrics.requestDone(request.method(), path, status, arrival.nanoTime(), startCpu);
        return new DemoServer.Response(status, TEXT, status < 500 ? OK : UNAVAILABLE);
    }

    private int serve(String path, DemoSpan span) throws InterruptedException {
        FleetFaults.Hit hit = environment.faults().roll(spec.name(), instanceId);
        if (hit.faultIds() != null) {
            span.attribute("chaos.experiment.id", hit.faultIds());
        }
        if (hit.errorStatus() != 0) {
            span.fail("injected fault");
            span.log(LogLevel.ERROR, "%s failed: injected fault %s answered HTTP %d".formatted(path, hit.faultIds(), hit.errorStatus()));
            return hit.errorStatus();
        }
        work(hit.extraMicros());
        for (String downstream : spec.downstream(path)) {
            Optional<String> failure = call(downstream, path, span);
            if (failure.isPresent()) {
                span.fail("downstream " + downstream + " failed");
                span.log(LogLevel.ERROR, "%s failed: call to %s %s".formatted(path, downstream, failure.get()));
                return 502;
            }
        }
        if (spec.checkoutLog() != null && path.equals(ShopTopology.CHECKOUT)) {
            span.log(LogLevel.INFO, "%s order_id=%d".formatted(spec.checkoutLog(), ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000)));
        }
        return 200;
    }

    private void work(long extraMicros) throws InterruptedException {
        double millis = spec.medianMillis() * Math.exp(spec.sigma() * ThreadLocalRandom.current().nextGaussian());
        TimeUnit.MICROSECONDS.sleep((long) (millis * 1000) + extraMicros);
    }

    /** @return why the call failed, or empty when it succeeded */
    private Optional<String> call(String downstream, String path, DemoSpan parent) {
        Optional<URI> target = environment.resolve().apply(downstream);
        Map<String, String> headers = new HashMap<>(4);
        DemoSpan span = tracing.clientSpan(parent, downstream, headers);
        try {
            if (target.isEmpty()) {
                span.fail("no instance of " + downstream);
                return Optional.of("found no instance of " + downstream);
            }
            int status = DemoHttp.get(target.get().resolve(path), headers, CONNECT_TIMEOUT, CALL_TIMEOUT);
            span.httpStatus(status);
            if (status >= 500) {
                span.fail("HTTP " + status);
                return Optional.of("answered HTTP " + status);
            }
            return Optional.empty();
        } catch (IOException e) {
            span.fail(e.toString());
            return Optional.of("failed: " + e);
        } finally {
            span.end();
        }
    }

    String instanceId() {
        return instanceId;
    }

    /** Keeps {@code percentOfCore} of one core busy until {@link #stopBurning} with the same fault id. */
    void burn(String faultId, double percentOfCore) {
        burners.computeIfAbsent(faultId, id -> new CpuBurner("demo-cpu-" + spec.name() + "-" + instanceId, percentOfCore));
    }

    void stopBurning(String faultId) {
        CpuBurner burner = burners.remove(faultId);
        if (burner != null) {
            metrics.addCpuNanos(burner.cpuNanos());
            burner.close();
        }
    }

    /** Stops taking connections and waits up to {@code seconds} for in-flight requests to finish. */
    void drain(int seconds) {
        server.drain(seconds);
        release();
    }

    /** Dies at once, as a process killed with SIGKILL: open connections drop and in-flight work is lost. */
    void kill() {
        killed = true;
        close();
    }

    @Override
    public void close() {
        server.close();
        release();
    }

    private void release() {
        burners.keySet().forEach(this::stopBurning);
        tracing.close();
    }
}
