package io.headroom.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * One instance's Prometheus metrics, in its own registry, served at {@code /metrics} on the
 * instance's own HTTP server (text 0.0.4, OpenMetrics or protobuf, as the scraper asks).
 * All instances share one JVM, so CPU is counted per instance from the threads that did its
 * work (request handling and CPU-burn faults), not from the process.
 */
final class InstanceMetrics {

    /** The default classic buckets from 5 ms, plus 1 and 2.5 ms for the fast services. */
    private static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Histogram requestDuration;
    private final AtomicLong cpuNanos = new AtomicLong();

    /**
     * @param busy workers busy now
     * @param waiting requests queued for a worker
     * @param burnCpuNanos CPU time of the instance's running CPU-burn threads
     */
    InstanceMetrics(int workers, IntSupplier busy, IntSupplier waiting, LongSupplier burnCpuNanos) {
        requestDuration = Histogram.builder().name("http_server_request_duration_seconds")
                .help("Duration of HTTP server requests, queueing included").unit(Unit.SECONDS)
                .labelNames("method", "route", "status")
                .classicUpperBounds(LATENCY_BUCKETS).classicOnly().withoutExemplars()
                .register(registry);
        GaugeWithCallback.builder().name("http_server_active_requests").help("Requests admitted and not yet answered")
                .callback(callback -> callback.call(busy.getAsInt() + waiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("demo_queue_depth").help("Requests waiting for a worker")
                .callback(callback -> callback.call(waiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("demo_worker_utilization").help("Share of the worker pool busy now, 0 to 1")
                .callback(callback -> callback.call((double) busy.getAsInt() / workers)).register(registry);
        GaugeWithCallback.builder().name("demo_workers").help("Size of the worker pool")
                .callback(callback -> callback.call(workers)).register(registry);
        CounterWithCallback.builder().name("process_cpu_seconds").help("CPU time spent on this instance's work")
                .unit(Unit.SECONDS).callback(callback -> callback.call((cpuNanos.get() + burnCpuNanos.getAsLong()) / 1e9))
                .register(registry);
    }

    void serveOn(HttpServer server) {
        server.createContext("/metrics", new MetricsHandler(registry));
    }

    /** CPU time of the current thread so far; pass it back to {@link #requestDone}. */
    static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void requestDone(String method, String route, int status, long startNanos, long startCpuNanos) {
        requestDuration.labelValues(method, route, Integer.toString(status)).observe((System.nanoTime() - startNanos) / 1e9);
        cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - startCpuNanos);
    }

    /** Keeps the CPU a finished burn used, after its thread is gone. */
    void addCpuNanos(long nanos) {
        cpuNanos.addAndGet(nanos);
    }
}
