package io.headroom.explore.jaeger;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON of Jaeger's HTTP query API ({@code model/json} and the {@code structuredResponse}
 * envelope of {@code cmd/query/app/http_handler.go}), field for field.
 */
final class JaegerModel {

    private JaegerModel() {
    }

    /** Every answer, success or failure: {@code data} or {@code errors}; limit and offset are always 0, as in Jaeger. */
    record Response(Object data, int total, int limit, int offset, List<Error> errors) {

        static Response of(Object data) {
            return new Response(data, 0, 0, 0, null);
        }

        /** Jaeger counts only service and operation lists in {@code total}. */
        static Response counted(List<?> data) {
            return new Response(data, data.size(), 0, 0, null);
        }

        static Response failure(int code, String message) {
            return new Response(null, 0, 0, 0, List.of(new Error(code, message, null)));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(Integer code, String msg, String traceID) {
    }

    record Trace(String traceID, List<Span> spans, Map<String, Process> processes) {
    }

    record Span(String traceID, String spanID, String operationName, List<Reference> references, long startTime,
            long duration, List<KeyValue> tags, List<Log> logs, String processID, List<String> warnings) {
    }

    record Reference(String refType, String traceID, String spanID) {
        static final String CHILD_OF = "CHILD_OF";
        static final String FOLLOWS_FROM = "FOLLOWS_FROM";
    }

    record Process(String serviceName, List<KeyValue> tags) {
    }

    record Log(long timestamp, List<KeyValue> fields) {
    }

    /** @param type string, bool, int64, float64 (binary values are stored as base64 text and read back as strings) */
    record KeyValue(String key, String type, Object value) {
    }

    record Operation(String name, String spanKind) {
    }

    record DependencyLink(String parent, String child, long callCount) {
    }
}
