package io.headroom.store;

/** One log record as stored; trace and span ids are null when the record has none. */
public record LogRow(
        Origin origin,
        long timeEpochNanos,
        long observedEpochNanos,
        int severityNumber,
        String severityText,
        String body,
        byte[] traceId,
        byte[] spanId,
        int flags,
        String eventName,
        String attributesJson) {
}
