package io.headroom.ingest.jaeger;

import java.util.Locale;
import java.util.Map;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;

/**
 * The span tags Jaeger uses for what OTLP has fields for: {@code span.kind} becomes the kind;
 * {@code error=true}, else {@code otel.status_code}, else a failed {@code http.status_code}
 * becomes the status. The tags that were turned into fields are removed, as the collector does.
 */
final class JaegerStatus {

    private JaegerStatus() {
    }

    static SpanKind kind(Map<String, AnyValue> attributes) {
        return switch (JaegerTags.text(attributes.remove("span.kind"))) {
            case "client" -> SpanKind.SPAN_KIND_CLIENT;
            case "server" -> SpanKind.SPAN_KIND_SERVER;
            case "producer" -> SpanKind.SPAN_KIND_PRODUCER;
            case "consumer" -> SpanKind.SPAN_KIND_CONSUMER;
            case "internal" -> SpanKind.SPAN_KIND_INTERNAL;
            default -> SpanKind.SPAN_KIND_UNSPECIFIED;
        };
    }

    /** @return the status, or null when the tags say nothing about it */
    static Status status(Map<String, AnyValue> attributes, SpanKind kind) {
        AnyValue error = attributes.get("error");
        if (error != null && error.hasBoolValue() && error.getBoolValue()) {
            attributes.remove("error");
            attributes.remove("otel.status_code");
            AnyValue description = attributes.remove("otel.status_description");
            return status(StatusCode.STATUS_CODE_ERROR,
                    JaegerTags.text(description != null ? description : attributes.get("http.status_message")));
        }
        AnyValue code = attributes.remove("otel.status_code");
        if (code != null) {
            StatusCode statusCode = switch (JaegerTags.text(code).toUpperCase(Locale.ROOT)) {
                case "OK" -> StatusCode.STATUS_CODE_OK;
                case "ERROR" -> StatusCode.STATUS_CODE_ERROR;
                default -> StatusCode.STATUS_CODE_UNSET;
            };
            return status(statusCode, JaegerTags.text(attributes.remove("otel.status_description")));
        }
        Long httpStatus = integer(attributes.get("http.status_code"));
        if (httpStatus != null && httpFailed(httpStatus, kind)) {
            return status(StatusCode.STATUS_CODE_ERROR, JaegerTags.text(attributes.get("http.status_message")));
        }
        return null;
    }

    /** OpenTelemetry's HTTP conventions: 4xx is the client's failure, not the server's; 5xx and nonsense are failures. */
    private static boolean httpFailed(long status, SpanKind kind) {
        if (status >= 400 && status < 500 && kind == SpanKind.SPAN_KIND_SERVER) {
            return false;
        }
        return status < 100 || status >= 400;
    }

    private static Long integer(AnyValue value) {
        if (value == null) {
            return null;
        }
        if (value.hasIntValue()) {
            return value.getIntValue();
        }
        try {
            return value.hasStringValue() ? Long.parseLong(value.getStringValue()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Status status(StatusCode code, String message) {
        return Status.newBuilder().setCode(code).setMessage(message).build();
    }
}
