package io.headroom.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Many scrape targets for a scraper to be measured against: one HTTP server answering on every
 * loopback address (127.0.0.1 to 127.0.0.N, one target each, so each has its own
 * {@code instance}), each exposing {@code --series} series in the Prometheus text format
 * (counters, gauges and histograms with labels, as an instrumented service exposes them; values
 * move between scrapes). It serves Prometheus HTTP service discovery for them at {@code /sd},
 * prints that URL, and runs until killed, printing the scrapes it answered every 30 s.
 */
public final class ScrapeTargetsBenchmark {

    public static void main(String[] args) throws IOException {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (targets > 250) {
            throw new IllegalArgumentException("at most 250 targets, one per loopback address 127.0.0.1..250");
        }
        var scrapes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/metrics", exchange -> {
            scrapes.incrementAndGet();
            reply(exchange, "text/plain; version=0.0.4; charset=utf-8", exposition(series, scrapes.get()));
        });
        server.start();
        int actual = server.getAddress().getPort();
        var sd = new StringBuilder("[{\"targets\":[");
        for (int i = 1; i <= targets; i++) {
            sd.append(i > 1 ? "," : "").append("\"127.0.0.").append(i).append(':').append(actual).append('"');
        }
        String discovery = sd.append("],\"labels\":{\"job\":\"bench\"}}]").toString();
        server.createContext("/sd", exchange -> reply(exchange, "application/json", discovery));
        System.out.println("http_sd=http://127.0.0.1:" + actual + "/sd targets=" + targets + " series=" + series);
        var ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> System.out.println("scrapes_answered=" + scrapes.get()), 30, 30,
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /** About {@code series} series: per endpoint a request counter by status, an in-flight gauge and a 10-bucket histogram. */
    static String exposition(int series, long tick) {
        var text = new StringBuilder(series * 90);
        int perEndpoint = 3 + 1 + 13;
        int endpoints = Math.max(1, series / perEndpoint);
        text.append("# HELP http_requests_total Requests handled.\n# TYPE http_requests_total counter\n");
        for (int e = 0; e < endpoints; e++) {
            for (String code : new String[] {"200", "404", "500"}) {
                text.append("http_requests_total{endpoint=\"/api/v1/item/").append(e).append("\",code=\"").append(code)
                        .append("\"} ").append(tick * (e + 1)).append('\n');
            }
        }
        text.append("# HELP http_in_flight Requests in flight.\n# TYPE http_in_flight gauge\n");
        for (int e = 0; e < endpoints; e++) {
            text.append("http_in_flight{endpoint=\"/api/v1/item/").append(e).append("\"} ").append(tick % 7).append('\n');
        }
        text.append("# HELP http_duration_seconds Request duration.\n# TYPE http_duration_seconds histogram\n");
        String[] bounds = {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "+Inf"};
        for (int e = 0; e < endpoints; e++) {
            for (int b = 0; b < bounds.length; b++) {
                text.append("http_duration_seconds_bucket{endpoint=\"/api/v1/item/").append(e).append("\",le=\"")
                        .append(bounds[b]).append("\"} ").append(tick * (b + 1)).append('\n');
            }
            text.append("http_duration_seconds_sum{endpoint=\"/api/v1/item/").append(e).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.3f", tick * 0.137)).append('\n');
            text.append("http_duration_seconds_count{endpoint=\"/api/v1/item/").append(e).append("\"} ")
                    .append(tick * bounds.length).append('\n');
        }
        return text.toString();
    }

    private static void reply(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
