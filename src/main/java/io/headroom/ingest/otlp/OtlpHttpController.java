package io.headroom.ingest.otlp;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.headroom.ingest.IngestMetrics;
import io.headroom.ingest.IngestPipeline;
import io.headroom.ingest.IngestProperties;
import io.headroom.ingest.Signal;
import io.headroom.store.MetricSeriesRegistry;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.ResourceRegistry;
import io.headroom.store.TelemetryBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp): protobuf or JSON,
 * optionally gzip, answered in the request's own encoding. Only decoding and status codes live
 * here; validation is in the mappers and storage in the pipeline.
 */
@RestController
class OtlpHttpController {

    private static final Logger log = LoggerFactory.getLogger(OtlpHttpController.class);
    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    private final IngestPipeline pipeline;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final TraceMapper traces;
    private final LogMapper logs;
    private final MetricMapper metricPoints;

    OtlpHttpController(IngestPipeline pipeline, IngestProperties properties, IngestMetrics metrics,
            ResourceRegistry resources, MetricSeriesRegistry series, PartitionMaintenance partitions, Clock clock) {
        this.pipeline = pipeline;
        this.properties = properties;
        this.metrics = metrics;
        var origins = new Origins(resources);
        this.traces = new TraceMapper(origins, partitions);
        this.logs = new LogMapper(origins, partitions, clock);
        this.metricPoints = new MetricMapper(origins, series, partitions);
    }

    @PostMapping("/v1/traces")
    CompletableFuture<ResponseEntity<byte[]>> traces(HttpServletRequest request) {
        return receive(request, Signal.TRACES, ExportTraceServiceRequest.newBuilder(), (message, rejections) ->
                traces.map((ExportTraceServiceRequest) message, rejections), rejections -> {
                    var response = ExportTraceServiceResponse.newBuilder();
                    if (rejections.total() > 0) {
                        response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                                .setRejectedSpans(rejections.total()).setErrorMessage(rejections.message("spans")));
                    }
                    return response.build();
                });
    }

    @PostMapping("/v1/logs")
    CompletableFuture<ResponseEntity<byte[]>> logs(HttpServletRequest request) {
        return receive(request, Signal.LOGS, ExportLogsServiceRequest.newBuilder(), (message, rejections) ->
                logs.map((ExportLogsServiceRequest) message, rejections), rejections -> {
                    var response = ExportLogsServiceResponse.newBuilder();
                    if (rejections.total() > 0) {
                        response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                                .setRejectedLogRecords(rejections.total()).setErrorMessage(rejections.message("log records")));
                    }
                    return response.build();
                });
    }

    @PostMapping("/v1/metrics")
    CompletableFuture<ResponseEntity<byte[]>> metrics(HttpServletRequest request) {
        return receive(request, Signal.METRICS, ExportMetricsServiceRequest.newBuilder(), (message, rejections) ->
                metricPoints.map((ExportMetricsServiceRequest) message, rejections), rejections -> {
                    var response = ExportMetricsServiceResponse.newBuilder();
                    if (rejections.total() > 0) {
                        response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                                .setRejectedDataPoints(rejections.total()).setErrorMessage(rejections.message("data points")));
                    }
                    return response.build();
                });
    }

    private interface Mapping {
        TelemetryBatch map(Message request, Rejections rejections);
    }

    private interface ResponseFactory {
        Message response(Rejections rejections);
    }

    private CompletableFuture<ResponseEntity<byte[]>> receive(HttpServletRequest request, Signal signal,
            Message.Builder builder, Mapping mapping, ResponseFactory responses) {
        String mediaType = mediaType(request.getContentType());
        boolean json = JSON.equals(mediaType);
        if (!json && !PROTOBUF.equals(mediaType)) {
            metrics.requestRejected(signal, "unsupported_media_type");
            return done(error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, true, RpcStatus.INVALID_ARGUMENT,
                    "Content-Type must be application/x-protobuf or application/json, was " + request.getContentType()));
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            metrics.requestRejected(signal, "unsupported_encoding");
            return done(error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, json, RpcStatus.INVALID_ARGUMENT,
                    "Content-Encoding must be gzip or identity, was " + encoding));
        }
        Message message;
        try {
            byte[] body = RequestBodyReader.read(request.getInputStream(), request.getContentLengthLong(), gzip,
                    properties.maxRequestSize().toBytes());
            message = json ? OtlpJson.parse(body, builder).build() : builder.mergeFrom(body).build();
        } catch (RequestBodyReader.TooLarge e) {
            metrics.requestRejected(signal, "too_large");
            return done(error(HttpStatus.PAYLOAD_TOO_LARGE, json, RpcStatus.INVALID_ARGUMENT, e.getMessage()));
        } catch (RequestBodyReader.Malformed | InvalidProtocolBufferException e) {
            metrics.requestRejected(signal, "undecodable");
            return done(error(HttpStatus.BAD_REQUEST, json, RpcStatus.INVALID_ARGUMENT,
                    "cannot decode " + (json ? "OTLP JSON" : "OTLP protobuf") + " " + signal.tag() + " request: " + e.getMessage()));
        } catch (IOException e) {
            metrics.requestRejected(signal, "read_failed");
            return done(error(HttpStatus.BAD_REQUEST, json, RpcStatus.INVALID_ARGUMENT, "could not read the request body: " + e));
        }
        var rejections = new Rejections();
        TelemetryBatch batch;
        try {
            batch = mapping.map(message, rejections);
        } catch (RuntimeException e) {
            log.warn("Could not register the resources or series of an OTLP {} request: {}", signal.tag(), e.toString());
            metrics.requestRejected(signal, "store_unavailable");
            return done(unavailable(json, "the store could not register resources or series; retry later"));
        }
        rejections.byReason().forEach((reason, count) -> metrics.rejected(signal, reason, count));
        return pipeline.submit(batch).handle((committed, failure) -> {
            if (failure == null) {
                return ok(json, responses.response(rejections));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof IngestPipeline.Refused refused) {
                metrics.rejected(signal, refused.reason().name().toLowerCase(Locale.ROOT), batch.recordCount());
                return unavailable(json, refused.getMessage() + "; nothing of this request was stored, retry later");
            }
            log.error("Unexpected failure storing an OTLP {} request", signal.tag(), cause);
            return unavailable(json, "unexpected failure; nothing of this request was stored, retry later");
        });
    }

    private ResponseEntity<byte[]> ok(boolean json, Message response) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, json ? JSON : PROTOBUF)
                .body(json ? OtlpJson.print(response) : response.toByteArray());
    }

    private ResponseEntity<byte[]> unavailable(boolean json, String message) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterSeconds()))
                .header(HttpHeaders.CONTENT_TYPE, json ? JSON : PROTOBUF)
                .body(json ? RpcStatus.json(RpcStatus.UNAVAILABLE, message) : RpcStatus.protobuf(RpcStatus.UNAVAILABLE, message));
    }

    private static ResponseEntity<byte[]> error(HttpStatus status, boolean json, int code, String message) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, json ? JSON : PROTOBUF)
                .body(json ? RpcStatus.json(code, message) : RpcStatus.protobuf(code, message));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
