package io.headroom.ingest.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.headroom.ingest.IngestMetrics;
import io.headroom.ingest.IngestPipeline;
import io.headroom.ingest.IngestProperties;
import io.headroom.ingest.Signal;
import io.headroom.security.IngestRateLimits;
import io.headroom.store.TelemetryBatch;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every HTTP receiver does the same way, whatever its protocol: reads the body within
 * {@code headroom.ingest.max-request-size} (inflating gzip), lets the protocol decode and map
 * it, hands the batch to the {@link IngestPipeline} and answers only once it is committed, or
 * with 503 and {@code Retry-After} when it cannot be. Every refusal is counted.
 */
@Component
public class HttpReceiver {

    private static final Logger log = LoggerFactory.getLogger(HttpReceiver.class);

    /** Turns a request body into the protocol's message; throws {@link Refusal#undecodable} when it cannot. */
    public interface Decoder<T> {
        T decode(ReceivedBody body) throws Refusal;
    }

    /** Validates a decoded message into rows; may need the store (to register resources), so may throw. */
    public interface Mapper<T> {
        TelemetryBatch map(T message, Rejections rejections);
    }

    private final IngestPipeline pipeline;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final IngestRateLimits rateLimits;

    HttpReceiver(IngestPipeline pipeline, IngestProperties properties, IngestMetrics metrics, IngestRateLimits rateLimits) {
        this.pipeline = pipeline;
        this.properties = properties;
        this.metrics = metrics;
        this.rateLimits = rateLimits;
    }

    public <T> CompletableFuture<ResponseEntity<byte[]>> receive(HttpServletRequest request, Signal signal,
            Answers answers, Decoder<T> decoder, Mapper<T> mapper) {
        return receive(request, signal, answers, BodyEncodings.GZIP_OR_IDENTITY, decoder, mapper);
    }

    public <T> CompletableFuture<ResponseEntity<byte[]>> receive(HttpServletRequest request, Signal signal,
            Answers answers, BodyEncodings encodings, Decoder<T> decoder, Mapper<T> mapper) {
        T message;
        try {
            message = decoder.decode(body(request, encodings));
        } catch (Refusal refusal) {
            return refuse(signal, refusal, answers);
        }
        var rejections = new Rejections();
        TelemetryBatch batch;
        try {
            batch = mapper.map(message, rejections);
        } catch (RuntimeException e) {
            log.warn("Could not register the resources or series of a {} request to {}: {}", signal.tag(),
                    request.getRequestURI(), e.toString());
            metrics.requestRejected(signal, "store_unavailable");
            return CompletableFuture.completedFuture(
                    unavailable(answers, "the store could not register resources or series; retry later"));
        }
        rejections.byReason().forEach((reason, count) -> metrics.rejected(signal, reason, count));
        Optional<Duration> wait = rateLimits.records(batch.recordCount());
        if (wait.isPresent()) {
            metrics.requestRejected(signal, "rate_limited");
            var response = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            return CompletableFuture.completedFuture(answers.refused(response, HttpStatus.TOO_MANY_REQUESTS,
                    "the token's record rate is used up (" + batch.recordCount() + " records); nothing of this request was stored"));
        }
        return pipeline.submit(batch).handle((committed, failure) -> {
            if (failure == null) {
                return answers.stored(rejections);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof IngestPipeline.Refused refused) {
                metrics.rejected(signal, refused.reason().name().toLowerCase(Locale.ROOT), batch.recordCount());
                return unavailable(answers, refused.getMessage() + "; nothing of this request was stored, retry later");
            }
            log.error("Unexpected failure storing a {} request to {}", signal.tag(), request.getRequestURI(), cause);
            return unavailable(answers, "unexpected failure; nothing of this request was stored, retry later");
        });
    }

    /** Answers a request refused as a whole, and counts it. */
    public CompletableFuture<ResponseEntity<byte[]>> refuse(Signal signal, Refusal refusal, Answers answers) {
        metrics.requestRejected(signal, refusal.reason());
        return CompletableFuture.completedFuture(
                answers.refused(ResponseEntity.status(refusal.status()), refusal.status(), refusal.getMessage()));
    }

    /** The media type of a Content-Type header, lower case, without parameters; "" when there is none. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private ReceivedBody body(HttpServletRequest request, BodyEncodings encodings) throws Refusal {
        var encoding = encodings.of(request.getHeader(HttpHeaders.CONTENT_ENCODING));
        try {
            return RequestBodyReader.read(request.getInputStream(), request.getContentLengthLong(), encoding,
                    properties.maxRequestSize().toBytes());
        } catch (IOException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "read_failed", "could not read the request body: " + e);
        }
    }

    private ResponseEntity<byte[]> unavailable(Answers answers, String message) {
        var response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterSeconds()));
        return answers.refused(response, HttpStatus.SERVICE_UNAVAILABLE, message);
    }
}
