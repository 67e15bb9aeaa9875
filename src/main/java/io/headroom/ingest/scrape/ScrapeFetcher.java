package io.headroom.ingest.scrape;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;

import io.headroom.http.BoundedBody;
import io.headroom.ingest.prometheus.ExpositionFormat;

/**
 * Fetches a target's exposition the way Prometheus does: its {@code Accept} header (OpenMetrics
 * preferred), gzip, the timeout in {@code X-Prometheus-Scrape-Timeout-Seconds}. Asynchronous,
 * so a slow target holds no thread; the body is refused as soon as it passes the size limit,
 * compressed or not.
 */
final class ScrapeFetcher {

    /** The body of a successful scrape, decompressed, and the format its Content-Type names. */
    record Exposition(byte[] body, ExpositionFormat format) {
    }

    /** A scrape that failed, with the reason shown on the targets page. */
    static final class ScrapeFailure extends IOException {
        ScrapeFailure(String message) {
            super(message, null);
        }
    }

    private final HttpClient http;

    ScrapeFetcher(Executor executor) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    CompletableFuture<Exposition> fetch(ScrapeTarget target, long bodyLimit) {
        var request = HttpRequest.newBuilder(target.url()).timeout(target.timeout())
                .header("Accept", ExpositionFormat.SCRAPE_ACCEPT)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "Headroom")
                .header("X-Prometheus-Scrape-Timeout-Seconds", seconds(target))
                .GET().build();
        return http.sendAsync(request, BoundedBody.refusedBeyond(bodyLimit, () -> tooLarge(bodyLimit)))
                .thenApply(response -> exposition(response, bodyLimit));
    }

    private static Exposition exposition(HttpResponse<byte[]> response, long bodyLimit) {
        if (response.statusCode() != 200) {
            throw new CompletionException(
                    new ScrapeFailure("server returned HTTP status " + response.statusCode()));
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        byte[] body = response.body();
        if (encoding.equals("gzip")) {
            body = gunzip(body, bodyLimit);
        }
        return new Exposition(body, ExpositionFormat.fromContentType(response.headers().firstValue("Content-Type").orElse(null)));
    }

    private static byte[] gunzip(byte[] compressed, long limit) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            var out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (out.size() + n > limit) {
                    throw new CompletionException(tooLarge(limit));
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new CompletionException(new ScrapeFailure("body is not valid gzip: " + e.getMessage()));
        }
    }

    private static ScrapeFailure tooLarge(long limit) {
        return new ScrapeFailure("body size limit of " + limit + " bytes exceeded");
    }

    private static String seconds(ScrapeTarget target) {
        return String.valueOf(target.timeout().toMillis() / 1000.0);
    }
}
