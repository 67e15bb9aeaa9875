package io.headroom.bench;

import io.headroom.ingest.prometheus.ExpositionFormat;
import io.headroom.ingest.prometheus.ExpositionParseException;
import io.headroom.ingest.prometheus.ExpositionParser;
import io.headroom.ingest.prometheus.SampleSink;
import io.headroom.ingest.prometheus.ScrapeLimits;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

/**
 * How fast {@link ExpositionParser} reads a realistic 500-series scrape (a service's HTTP counters
 * and latency histograms, per-CPU counters, JVM and filesystem gauges, RPC summaries), written by
 * the Prometheus Java client in both formats. For each format it prints one line:
 * {@code format=… bytes=… samples=… samples_per_s=… us_per_scrape=… alloc_bytes_per_scrape=…
 * cpu_share_200_targets_15s=…}, the last being the share of one core that parsing 200 such targets
 * every 15 s takes. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.headroom.bench.ExpositionParserBenchmark}
 * and optionally {@code -Dexec.args="--seconds=10"} (measuring time per format, after as much warm-up).
 */
public final class ExpositionParserBenchmark {

    private static final int TARGETS = 200;
    private static final double SCRAPE_INTERVAL_SECONDS = 15;

    private ExpositionParserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 5;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Double.parseDouble(arg.substring("--seconds=".length()));
            }
        }
        MetricSnapshots scrape = fiveHundredSeries();
        run(ExpositionFormat.PROMETHEUS_TEXT_0_0_4, write(PrometheusTextFormatWriter.create(), scrape), seconds);
        run(ExpositionFormat.OPENMETRICS_1_0_0,
            write(OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(true).build(), scrape), seconds);
    }

    private static void run(ExpositionFormat format, byte[] body, double seconds) throws ExpositionParseException {
        CountingSink sink = new CountingSink();
        long warmupEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            ExpositionParser.parse(body, body.length, format, ScrapeLimits.DEFAULT, sink);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        sink.samples = 0;
        int scrapes = 0;
        long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            ExpositionParser.parse(body, body.length, format, ScrapeLimits.DEFAULT, sink);
            scrapes++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        long allocated = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;
        long samplesPerScrape = sink.samples / scrapes;
        double usPerScrape = cpu / scrapes * 1e6;
        double share = TARGETS / SCRAPE_INTERVAL_SECONDS * usPerScrape / 1e6;
        System.out.printf(Locale.ROOT, "format=%s bytes=%d samples=%d samples_per_s=%.0f us_per_scrape=%.1f "
                + "alloc_bytes_per_scrape=%d cpu_share_200_targets_15s=%.3f%% (checksum %.1f, wall %.1f s)%n",
            format, body.length, samplesPerScrape, sink.samples / cpu, usPerScrape, allocated / scrapes, share * 100,
            sink.checksum, elapsed);
    }

    /** Does as little as a sink can while keeping the parser's results alive. */
    private static final class CountingSink implements SampleSink {
        long samples;
        double checksum;

        @Override
        public void sample(String metricName, String familyType, String[] labels, double value, long timestampMillis) {
            samples++;
            checksum += labels.length + metricName.length() + (Double.isFinite(value) ? value * 1e-12 : 0);
        }
    }

    /** 500 series: 72 counters, 12 histograms of 14 samples, 64 CPU counters, gauges and 8 summaries of 5. */
    static MetricSnapshots fiveHundredSeries() {
        Random random = new Random(1);
        PrometheusRegistry registry = new PrometheusRegistry();
        String[] routes = {"/", "/cart", "/checkout", "/api/products/{id}", "/api/search", "/login"};
        Counter requests = Counter.builder().name("http_server_requests_total").help("HTTP requests.")
            .labelNames("method", "route", "status").withoutExemplars().register(registry);
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            for (String route : routes) {
                for (String status : new String[] {"200", "404", "500"}) {
                    requests.labelValues(method, route, status).inc(random.nextInt(1_000_000));
                }
            }
        }
        Histogram latency = Histogram.builder().name("http_server_request_duration_seconds").help("HTTP latency.")
            .classicOnly().labelNames("route", "status").withoutExemplars().register(registry);
        for (String route : routes) {
            for (String status : new String[] {"200", "500"}) {
                for (int i = 0; i < 200; i++) {
                    latency.labelValues(route, status).observe(random.nextDouble() * random.nextDouble() * 3);
                }
            }
        }
        Counter cpu = Counter.builder().name("node_cpu_seconds_total").help("CPU time by mode.").labelNames("cpu", "mode")
            .withoutExemplars().register(registry);
        for (int c = 0; c < 8; c++) {
            for (String mode : new String[] {"idle", "iowait", "irq", "nice", "softirq", "steal", "system", "user"}) {
                cpu.labelValues(Integer.toString(c), mode).inc(random.nextDouble() * 1e6);
            }
        }
        Gauge memory = Gauge.builder().name("jvm_memory_used_bytes").help("JVM memory.").labelNames("area", "id")
            .withoutExemplars().register(registry);
        for (String id : new String[] {"G1 Eden Space", "G1 Old Gen", "G1 Survivor Space", "Metaspace", "CodeCache",
            "Compressed Class Space", "CodeHeap 'non-nmethods'", "CodeHeap 'profiled nmethods'", "direct", "mapped"}) {
            memory.labelValues(id.startsWith("G1") ? "heap" : "nonheap", id).set(random.nextInt(500_000_000));
        }
        Gauge filesystem = Gauge.builder().name("node_filesystem_avail_bytes").help("Free space.")
            .labelNames("device", "fstype", "mountpoint").withoutExemplars().register(registry);
        for (int i = 0; i < 6; i++) {
            filesystem.labelValues("/dev/nvme0n1p" + i, "ext4", "/data/" + i).set(random.nextDouble() * 1e12);
        }
        Counter network = Counter.builder().name("node_network_bytes_total").help("Network traffic.")
            .labelNames("device", "direction").withoutExemplars().register(registry);
        for (String device : new String[] {"eth0", "eth1", "lo", "docker0", "veth1a2b", "veth3c4d"}) {
            network.labelValues(device, "receive").inc(random.nextDouble() * 1e10);
            network.labelValues(device, "transmit").inc(random.nextDouble() * 1e10);
        }
        Summary rpc = Summary.builder().name("rpc_latency_seconds").help("RPC latency.").quantile(0.5, 0.01)
            .quantile(0.9, 0.01).quantile(0.99, 0.001).labelNames("service").withoutExemplars().register(registry);
        for (int s = 0; s < 8; s++) {
            for (int i = 0; i < 100; i++) {
                rpc.labelValues("service-" + s).observe(random.nextDouble());
            }
        }
        Gauge queues = Gauge.builder().name("queue_depth").help("Queued jobs.").labelNames("queue").withoutExemplars()
            .register(registry);
        for (int q = 0; q < 30; q++) {
            queues.labelValues("queue-" + q).set(random.nextInt(1000));
        }
        Counter queries = Counter.builder().name("db_queries_total").help("Queries.").labelNames("db", "operation", "table")
            .withoutExemplars().register(registry);
        for (String db : new String[] {"orders", "catalog"}) {
            for (String operation : new String[] {"select", "insert", "update"}) {
                for (int t = 0; t < 16; t++) {
                    queries.labelValues(db, operation, "table_" + t).inc(random.nextInt(100_000));
                }
            }
        }
        Gauge.builder().name("process_open_fds").help("Open files.").withoutExemplars().register(registry).set(211);
        Gauge.builder().name("process_resident_memory_bytes").help("RSS.").withoutExemplars().register(registry).set(3.1e8);
        return registry.scrape();
    }

    private static byte[] write(ExpositionFormatWriter writer, MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, snapshots);
        return out.toByteArray();
    }
}
