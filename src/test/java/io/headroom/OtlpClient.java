package io.headroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP to Headroom, for the cases an SDK would never send. */
public final class OtlpClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OtlpClient() {
    }

    public static HttpResponse<byte[]> post(String url, String contentType, String contentEncoding, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        return send(request.build());
    }

    /**
     * {@code requests} server spans of {@code service}, 10 ms apart from 20 s ago, the first
     * {@code failed} of them errors, posted over OTLP/HTTP to Headroom; fails unless answered 200.
     */
    public static void sendRequests(int otlpPort, String service, int requests, int failed, long durationNanos) {
        long start = TestObjects.nowNanos() - 20_000_000_000L;
        var spans = new io.opentelemetry.proto.trace.v1.Span.Builder[requests];
        for (int i = 0; i < requests; i++) {
            var span = TestObjects.serverSpan("GET /", start + i * 10_000_000L, durationNanos);
            spans[i] = i < failed ? TestObjects.failed(span) : span;
        }
        int status = post("http://127.0.0.1:" + otlpPort + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans).toByteArray()).statusCode();
        if (status != 200) {
            throw new AssertionError("OTLP answered " + status + " to " + requests + " spans of " + service);
        }
    }

    /** A read of Headroom's API, as the test administrator. */
    public static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", TestUsers.adminBasic())
                .GET().build());
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
