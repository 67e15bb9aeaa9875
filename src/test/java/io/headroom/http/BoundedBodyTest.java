package io.headroom.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a loopback server answering {@code /N} with N bytes, sent in chunks of 1000. */
class BoundedBodyTest {

    private static HttpServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int size = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
            exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < size; sent += 1000) {
                    out.write("a".repeat(Math.min(1000, size - sent)).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException clientLeft) {
                // The bound was reached and the client cancelled: expected.
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void truncatedKeepsTheFirstBytesAndStopsThere() throws Exception {
        assertThat(get(100_000, BoundedBody.truncatedAt(2500))).hasSize(2500);
        assertThat(get(2500, BoundedBody.truncatedAt(2500))).hasSize(2500);
        assertThat(get(700, BoundedBody.truncatedAt(2500))).hasSize(700);
        assertThat(get(0, BoundedBody.truncatedAt(2500))).isEmpty();
    }

    @Test
    void refusedFailsWithTheGivenErrorBeyondTheLimitOnly() throws Exception {
        assertThat(get(2500, BoundedBody.refusedBeyond(2500, () -> new IllegalStateException("too large")))).hasSize(2500);
        assertThatThrownBy(() -> get(2501, BoundedBody.refusedBeyond(2500, () -> new IllegalStateException("too large"))))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class).hasMessage("too large");
        assertThatThrownBy(() -> get(1_000_000, BoundedBody.refusedBeyond(2500, () -> new IllegalStateException("too large"))))
                .cause().hasMessage("too large");
    }

    private static byte[] get(int size, HttpResponse.BodyHandler<byte[]> handler) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + size)).build();
        return HTTP.sendAsync(request, handler).get(10, TimeUnit.SECONDS).body();
    }
}
