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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.CodedOutputStream;
import org.xerial.snappy.Snappy;

/**
 * Load generator for any Prometheus remote-write 1.0 receiver (Headroom's, Prometheus's own), so
 * both can be driven with the same stream. As Prometheus's sender shards it, each of
 * {@code --senders} threads owns a fixed part of {@code --series} series and sends their samples
 * in order, {@code --samples-per-request} per request, snappy-compressed protobuf. A warm-up
 * writes a first sample of every series (creating them) and is not counted; then senders run for
 * {@code --seconds} and one line goes to stdout:
 * {@code samples_acked=… seconds=… samples_per_s=… p99_request_ms=… errors=…}. A request counts
 * as acknowledged only on 2xx; others count their samples as errors and are not resent.
 */
public final class RemoteWriteBenchmark {

    private static final String[][] DEFAULTS = {{"endpoint", "http://localhost:8080/api/v1/write"}, {"senders", "4"},
        {"series", "10000"}, {"samples-per-request", "2000"}, {"seconds", "60"}};

    private final URI endpoint;
    private final int senders;
    private final int samplesPerRequest;
    private final List<List<byte[]>> seriesBySender = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final long startMillis = System.currentTimeMillis() - Duration.ofMinutes(5).toMillis();
    private final int[] cursor;
    private final long[] round;

    private RemoteWriteBenchmark(Map<String, String> options) {
        endpoint = URI.create(options.get("endpoint"));
        senders = Integer.parseInt(options.get("senders"));
        samplesPerRequest = Integer.parseInt(options.get("samples-per-request"));
        int series = Integer.parseInt(options.get("series"));
        cursor = new int[senders];
        round = new long[senders];
        for (int sender = 0; sender < senders; sender++) {
            seriesBySender.add(new ArrayList<>());
        }
        for (int i = 0; i < series; i++) {
            seriesBySender.get(i % senders).add(labels(i));
        }
    }

    public static void main(String[] args) throws Exception {
        var options = new TreeMap<String, String>();
        for (String[] pair : DEFAULTS) {
            options.put(pair[0], pair[1]);
        }
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (!options.containsKey(pair[0]) || pair.length != 2) {
                System.err.println("options: " + Arrays.stream(DEFAULTS).map(d -> "--" + d[0] + "=" + d[1]).toList());
                System.exit(2);
            }
            options.put(pair[0], pair[1]);
        }
        new RemoteWriteBenchmark(options).run(Duration.ofSeconds(Long.parseLong(options.get("seconds"))));
    }

    private void run(Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        var warmups = new ArrayList<Future<?>>();
        for (int sender = 0; sender < senders; sender++) {
            int own = sender;
            warmups.add(pool.submit(() -> send(own, Long.MAX_VALUE, seriesBySender.get(own).size(), false)));
        }
        for (Future<?> warmup : warmups) {
            warmup.get();
        }
        acked.set(0);
        errors.set(0);
        latenciesMicros.clear();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        var runs = new ArrayList<Future<?>>();
        for (int sender = 0; sender < senders; sender++) {
            int own = sender;
            runs.add(pool.submit(() -> send(own, deadline, Long.MAX_VALUE, true)));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
        System.out.printf(Locale.ROOT, "samples_acked=%d seconds=%.1f samples_per_s=%.0f p99_request_ms=%.1f errors=%d%n",
                acked.get(), seconds, acked.get() / seconds, p99, errors.get());
    }

    /**
     * Sends the sender's series round robin; each pass over them is one millisecond later, so every
     * series' samples are in order, as Prometheus requires.
     */
    private void send(int sender, long deadlineNanos, long maxSamples, boolean timed) {
        List<byte[]> own = seriesBySender.get(sender);
        long sent = 0;
        while (sent < maxSamples && System.nanoTime() < deadlineNanos) {
            int count = (int) Math.min(samplesPerRequest, maxSamples - sent);
            var body = new ByteArrayOutputStream(count * 96);
            try {
                CodedOutputStream out = CodedOutputStream.newInstance(body);
                for (int i = 0; i < count; i++) {
                    writeSeries(out, own.get(cursor[sender]), startMillis + round[sender], 1.0 + (sent + i) % 1000);
                    if (++cursor[sender] == own.size()) {
                        cursor[sender] = 0;
                        round[sender]++;
                    }
                }
                out.flush();
                post(Snappy.compress(body.toByteArray()), count, timed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sent += count;
        }
    }

    private void post(byte[] body, int samples, boolean timed) {
        var request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-protobuf").header("Content-Encoding", "snappy")
                .header("X-Prometheus-Remote-Write-Version", "0.1.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                acked.addAndGet(samples);
            } else {
                errors.addAndGet(samples);
                if (!timed || errors.get() <= samples) {
                    System.err.println("HTTP " + response.statusCode() + ": " + response.body());
                }
            }
        } catch (IOException e) {
            errors.addAndGet(samples);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (timed) {
            latenciesMicros.add((System.nanoTime() - start) / 1000);
        }
    }

    private static void writeSeries(CodedOutputStream out, byte[] labels, long timestamp, double value) throws IOException {
        int sampleSize = CodedOutputStream.computeDoubleSize(1, value) + CodedOutputStream.computeInt64Size(2, timestamp);
        int seriesSize = labels.length + CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(sampleSize)
                + sampleSize;
        out.writeTag(1, 2);
        out.writeUInt32NoTag(seriesSize);
        out.writeRawBytes(labels);
        out.writeTag(2, 2);
        out.writeUInt32NoTag(sampleSize);
        out.writeDouble(1, value);
        out.writeInt64(2, timestamp);
    }

    /** Series i's labels, sorted as Prometheus sends them, encoded once: 100 metric names on 100 instances. */
    private static byte[] labels(int i) {
        String[][] pairs = {{"__name__", "bench_metric_" + i % 100}, {"instance", "host-" + i / 100 + ":9100"},
            {"job", "bench"}, {"mode", i % 2 == 0 ? "user" : "system"}};
        try {
            var bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            for (String[] pair : pairs) {
                var label = new ByteArrayOutputStream();
                CodedOutputStream labelOut = CodedOutputStream.newInstance(label);
                labelOut.writeString(1, pair[0]);
                labelOut.writeString(2, pair[1]);
                labelOut.flush();
                out.writeByteArray(1, label.toByteArray());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
