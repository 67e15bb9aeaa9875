package io.headroom.store;

/**
 * One span as stored. Ids are raw bytes (16-byte trace id, 8-byte span ids; parent null for a
 * root span); kind and status code are the OTLP enum numbers; the JSON fields are already
 * encoded attribute, event and link lists.
 */
public record SpanRow(
        Origin origin,
        byte[] traceId,
        byte[] spanId,
        byte[] parentSpanId,
        String name,
        int kind,
        long startEpochNanos,
        long durationNanos,
        SpanStatus status,
        String traceState,
        String attributesJson,
        String eventsJson,
        String linksJson) {

    public static final int KIND_SERVER = 2;
    public static final int KIND_CONSUMER = 5;

    public record SpanStatus(int code, String message) {
        public static final int ERROR = 2;

        public boolean isError() {
            return code == ERROR;
        }
    }

    /** A request to the service: work it received, not work it did on its own behalf or sent out. */
    public boolean isRoot() {
        return parentSpanId == null;
    }

    public boolean isEntry() {
        return kind == KIND_SERVER || kind == KIND_CONSUMER || parentSpanId == null;
    }
}
