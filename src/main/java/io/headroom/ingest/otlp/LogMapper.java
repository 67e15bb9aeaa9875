package io.headroom.ingest.otlp;

import java.time.Clock;

import io.headroom.ingest.http.Rejections;
import io.headroom.store.InvalidTelemetryException;
import io.headroom.store.LogRow;
import io.headroom.store.Origin;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.ResourceId;
import io.headroom.store.TelemetryBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;

/** Validates OTLP log records and turns the valid ones into stored rows. */
final class LogMapper {

    private final Origins origins;
    private final PartitionMaintenance partitions;
    private final Clock clock;

    LogMapper(Origins origins, PartitionMaintenance partitions, Clock clock) {
        this.origins = origins;
        this.partitions = partitions;
        this.clock = clock;
    }

    TelemetryBatch map(ExportLogsServiceRequest request, Rejections rejections) {
        TelemetryBatch.Builder batch = TelemetryBatch.builder();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            ResourceId resourceId;
            try {
                resourceId = origins.resource(resourceLogs.getResource());
            } catch (InvalidTelemetryException e) {
                int records = resourceLogs.getScopeLogsList().stream().mapToInt(ScopeLogs::getLogRecordsCount).sum();
                rejections.reject("invalid_resource", e.getMessage(), records);
                continue;
            }
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                Origin origin = Origins.origin(resourceLogs.getResource(), resourceId, scopeLogs.getScope());
                for (LogRecord record : scopeLogs.getLogRecordsList()) {
                    add(batch, origin, record, rejections);
                }
            }
        }
        return batch.build();
    }

    private void add(TelemetryBatch.Builder batch, Origin origin, LogRecord record, Rejections rejections) {
        if (!record.getTraceId().isEmpty() && !TraceMapper.validId(record.getTraceId(), 16)) {
            rejections.reject("invalid_trace_id", "trace id must be empty or 16 bytes, was " + TraceMapper.hex(record.getTraceId()));
            return;
        }
        if (!record.getSpanId().isEmpty() && !TraceMapper.validId(record.getSpanId(), 8)) {
            rejections.reject("invalid_span_id", "span id must be empty or 8 bytes, was " + TraceMapper.hex(record.getSpanId()));
            return;
        }
        if (record.getSeverityNumberValue() < 0 || record.getSeverityNumberValue() > 24) {
            rejections.reject("invalid_severity", "severity number must be 0..24, was " + record.getSeverityNumberValue());
            return;
        }
        // The data model lets a record carry only its observed time; Headroom's receive time is the last resort.
        long time = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano()
                : record.getObservedTimeUnixNano() != 0 ? record.getObservedTimeUnixNano()
                : clock.millis() * 1_000_000L;
        if (!partitions.accepts(time)) {
            rejections.reject("timestamp_out_of_range", "log record time is outside the retention window or more than a day ahead");
            return;
        }
        try {
            batch.addLog(new LogRow(
                    origin,
                    time,
                    record.getObservedTimeUnixNano(),
                    record.getSeverityNumberValue(),
                    Origins.emptyToNull(record.getSeverityText()),
                    body(record.getBody()),
                    record.getTraceId().isEmpty() ? null : record.getTraceId().toByteArray(),
                    record.getSpanId().isEmpty() ? null : record.getSpanId().toByteArray(),
                    record.getFlags(),
                    Origins.emptyToNull(record.getEventName()),
                    AttributeJson.object(record.getAttributesList())));
        } catch (InvalidTelemetryException e) {
            rejections.reject("invalid_text", e.getMessage() + " in a log record");
        }
    }

    /** String bodies are stored as they are (searchable text); structured bodies as their JSON. */
    private static String body(AnyValue body) {
        return switch (body.getValueCase()) {
            case STRING_VALUE -> {
                if (body.getStringValue().indexOf('\u0000') >= 0) {
                    throw new InvalidTelemetryException("text contains a NUL character");
                }
                yield body.getStringValue();
            }
            case VALUE_NOT_SET -> null;
            default -> AttributeJson.value(body);
        };
    }
}
