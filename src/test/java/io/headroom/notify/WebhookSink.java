package io.headroom.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on a real loopback socket, in the manner of Prometheus's httptest
 * Alertmanagers: each path answers from a script of responses (the last one repeats): a status
 * with headers, or hanging until {@link #close()}. Every request is kept.
 */
public final class WebhookSink implements AutoCloseable {

    /** A request as received: lower-case header names. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, Instant at) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer. @param hang never answer (until the sink closes) */
    public record Answer(int status, Map<String, String> headers, String body, boolean hang) {

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "{\"status\":" + status + "}", false);
        }

        public static Answer withHeader(int status, String name, String value) {
            return new Answer(status, Map.of(name, value), "", false);
        }

        public static Answer hanging() {
            return new Answer(0, Map.of(), "", true);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = new TreeMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body, Instant.now()));
            Deque<Answer> script = scripts.getOrDefault(path, new ConcurrentLinkedDeque<>(List.of(Answer.status(200))));
            Answer answer = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            if (answer.hang()) {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** Answers for {@code path}, in order; the last repeats. */
    public WebhookSink script(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(answers)));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received(String path) {
        var matching = new ArrayList<Received>();
        received.stream().filter(r -> r.path().equals(path)).forEach(matching::add);
        return matching;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
