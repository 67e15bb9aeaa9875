package io.headroom.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.common.PrometheusHttpExchange;
import io.prometheus.metrics.exporter.common.PrometheusHttpRequest;
import io.prometheus.metrics.exporter.common.PrometheusHttpResponse;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * One instance's Prometheus metrics, in its own registry, served at {@code /metrics} on the
 * instance's own HTTP server by the Prometheus client's own scrape handler (text 0.0.4,
 * OpenMetrics or protobuf as the scraper asks, gzip, {@code name[]} filters).
 * All instances share one JVM, so CPU is counted per instance from the threads that did its
 * work (request handling and CPU-burn faults), not from the process.
 */
final class InstanceMetrics {

    /** The default classic buckets from 5 ms, plus 1 and 2.5 ms for the fast services. */
    private static final double[] LATENCY_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusScrapeHandler scrapeHandler = new PrometheusScrapeHandler(registry);
    private final Histogram requestDuration;
    private final AtomicLong cpuNanos = new AtomicLong();

    /**
     * @param busy workers busy now
     * @param utilisation the share of the workers busy over the last seconds
     * @param waiting requests queued for a worker
     * @param burnCpuNanos CPU time of the instance's running CPU-burn threads
     */
    InstanceMetrics(int workers, IntSupplier busy, DoubleSupplier utilisation, IntSupplier waiting, LongSupplier burnCpuNanos) {
        requestDuration = Histogram.builder().name("http_server_request_duration_seconds")
                .help("Duration of HTTP server requests, queueing included").unit(Unit.SECONDS)
                .labelNames("method", "route", "status")
                .classicUpperBounds(LATENCY_BUCKETS).classicOnly().withoutExemplars()
                .register(registry);
        GaugeWithCallback.builder().name("http_server_active_requests").help("Requests admitted and not yet answered")
                .callback(callback -> callback.call(busy.getAsInt() + waiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("demo_queue_depth").help("Requests waiting for a worker")
                .callback(callback -> callback.call(waiting.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("demo_worker_utilization")
                .help("Share of the worker pool busy over the last seconds (exponentially weighted, 10 s), 0 to 1")
                .callback(callback -> callback.call(utilisation.getAsDouble())).register(registry);
        GaugeWithCallback.builder().name("demo_workers").help("Size of the worker pool")
                .callback(callback -> callback.call(workers)).register(registry);
        CounterWithCallback.builder().name("process_cpu_seconds").help("CPU time spent on this instance's work")
                .unit(Unit.SECONDS).callback(callback -> callback.call((cpuNanos.get() + burnCpuNanos.getAsLong()) / 1e9))
                .register(registry);
    }

    /** Answers a scrape of {@code /metrics}. */
    DemoServer.Response scrape(DemoServer.Request request) {
        var exchange = new ScrapeExchange(request);
        try {
            scrapeHandler.handleRequest(exchange);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes only to memory
        }
        return new DemoServer.Response(exchange.status, exchange.headers, exchange.body.toByteArray());
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

    /** The scrape handler's view of a request on {@link DemoServer}; the answer is collected in memory. */
    private static final class ScrapeExchange implements PrometheusHttpExchange, PrometheusHttpRequest, PrometheusHttpResponse {

        private final DemoServer.Request request;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int status = 500;

        ScrapeExchange(DemoServer.Request request) {
            this.request = request;
        }

        @Override
        public PrometheusHttpRequest getRequest() {
            return this;
        }

        @Override
        public PrometheusHttpResponse getResponse() {
            return this;
        }

        @Override
        public void handleException(IOException e) throws IOException {
            throw e;
        }

        @Override
        public void handleException(RuntimeException e) {
            throw e;
        }

        @Override
        public void close() {
        }

        @Override
        public String getQueryString() {
            return request.query();
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = request.headers().get(name.toLowerCase(java.util.Locale.ROOT));
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
        }

        @Override
        public String getMethod() {
            return request.method();
        }

        @Override
        public String getRequestPath() {
            return request.path();
        }

        @Override
        public void setHeader(String name, String value) {
            headers.put(name, value);
        }

        @Override
        public OutputStream sendHeadersAndGetBody(int statusCode, int contentLength) {
            status = statusCode;
            return body;
        }
    }
}
