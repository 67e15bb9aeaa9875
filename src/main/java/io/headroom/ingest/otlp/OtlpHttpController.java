package io.headroom.ingest.otlp;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.headroom.ingest.Signal;
import io.headroom.ingest.http.Answers;
import io.headroom.ingest.http.HttpReceiver;
import io.headroom.ingest.http.Refusal;
import io.headroom.ingest.http.Rejections;
import io.headroom.store.MetricSeriesRegistry;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.ResourceRegistry;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP receiver (https://opentelemetry.io/docs/specs/otlp/#otlphttp): protobuf or JSON,
 * optionally gzip, answered in the request's own encoding. Only decoding and the wording of
 * answers live here; body limits and status codes are {@link HttpReceiver}'s, validation is in
 * the mappers and storage in the pipeline.
 */
@RestController
class OtlpHttpController {

    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    private final HttpReceiver receiver;
    private final TraceMapper traces;
    private final LogMapper logs;
    private final MetricMapper metricPoints;

    OtlpHttpController(HttpReceiver receiver, TraceMapper traces, ResourceRegistry resources,
            MetricSeriesRegistry series, PartitionMaintenance partitions, Clock clock) {
        this.receiver = receiver;
        this.traces = traces;
        var origins = new Origins(resources);
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

    private interface ResponseFactory {
        Message response(Rejections rejections);
    }

    private CompletableFuture<ResponseEntity<byte[]>> receive(HttpServletRequest request, Signal signal,
            Message.Builder builder, HttpReceiver.Mapper<Message> mapping, ResponseFactory responses) {
        String mediaType = HttpReceiver.mediaType(request.getContentType());
        boolean json = JSON.equals(mediaType);
        var answers = new OtlpAnswers(json, responses);
        if (!json && !PROTOBUF.equals(mediaType)) {
            return receiver.refuse(signal, Refusal.unsupportedMediaType(
                    "Content-Type must be application/x-protobuf or application/json, was " + request.getContentType()), answers);
        }
        return receiver.receive(request, signal, answers, body -> {
            try {
                return json ? OtlpJson.parse(body.decoded(), builder).build() : builder.mergeFrom(body.decoded()).build();
            } catch (InvalidProtocolBufferException e) {
                throw Refusal.undecodable("cannot decode " + (json ? "OTLP JSON" : "OTLP protobuf") + " "
                        + signal.tag() + " request: " + e.getMessage());
            }
        }, mapping);
    }

    /** OTLP answers in the request's encoding: an Export…ServiceResponse, or a google.rpc.Status on refusal. */
    private record OtlpAnswers(boolean json, ResponseFactory responses) implements Answers {

        @Override
        public ResponseEntity<byte[]> stored(Rejections rejections) {
            Message response = responses.response(rejections);
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, json ? JSON : PROTOBUF)
                    .body(json ? OtlpJson.print(response) : response.toByteArray());
        }

        @Override
        public ResponseEntity<byte[]> refused(ResponseEntity.BodyBuilder response, HttpStatus status, String message) {
            int code = status == HttpStatus.SERVICE_UNAVAILABLE ? RpcStatus.UNAVAILABLE : RpcStatus.INVALID_ARGUMENT;
            return response.header(HttpHeaders.CONTENT_TYPE, json ? JSON : PROTOBUF)
                    .body(json ? RpcStatus.json(code, message) : RpcStatus.protobuf(code, message));
        }
    }
}
