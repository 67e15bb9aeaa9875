package io.headroom.store;

import java.util.HashSet;
import java.util.Set;

import io.headroom.store.RollupKeys.OperationKey;

/**
 * The records of one ingest request, already encoded for COPY and already rolled up per minute,
 * so that the writer's transaction does only I/O. Built by {@link Builder} on the request thread.
 */
public final class TelemetryBatch {

    private static final int SPAN_FIELDS = 17;
    private static final int LOG_FIELDS = 13;

    final BinaryCopyBuffer spans;
    final BinaryCopyBuffer logs;
    final SampleColumns samples;
    final int spanCount;
    final int logCount;
    final int sampleCount;
    /** This batch's rollup cells in the journal's binary form, encoded on the request thread. */
    final byte[] rollupDelta;
    final Set<String> services;
    /** Identifies a request its sender may retry verbatim; a batch whose digest was stored before is not stored again. */
    final byte[] digest;

    private TelemetryBatch(Builder builder) {
        spans = builder.spans;
        logs = builder.logs;
        samples = builder.samples;
        spanCount = builder.spanCount;
        logCount = builder.logCount;
        sampleCount = builder.samples.count();
        rollupDelta = builder.rollups.encode();
        services = builder.services;
        digest = builder.digest;
    }

    public static Builder builder() {
        return new Builder(0, 16);
    }

    /** @param expectedSpans sizes the buffers, so a large request does not grow them step by step */
    public static Builder builder(int expectedSpans) {
        return new Builder(expectedSpans, 16);
    }

    /** @param expectedSamples sizes the sample columns, so a large request does not grow them step by step */
    public static Builder builderForSamples(int expectedSamples) {
        return new Builder(0, expectedSamples);
    }

    public int recordCount() {
        return spanCount + logCount + sampleCount;
    }

    public int spanCount() {
        return spanCount;
    }

    public int logCount() {
        return logCount;
    }

    public int sampleCount() {
        return sampleCount;
    }

    public static final class Builder {

        private final BinaryCopyBuffer spans;
        private final BinaryCopyBuffer logs = new BinaryCopyBuffer(256);
        private final SampleColumns samples;
        private int spanCount;
        private int logCount;
        private final RollupDelta.Recorder rollups;
        private final Set<String> services = new HashSet<>();
        private byte[] digest;
        private String lastService;

        private Builder(int expectedSpans, int expectedSamples) {
            spans = new BinaryCopyBuffer(4096 + expectedSpans * 320);
            samples = new SampleColumns(expectedSamples);
            rollups = new RollupDelta.Recorder(expectedSpans);
        }

        /** @throws InvalidTelemetryException if the span cannot be stored; nothing of it is kept */
        public Builder addSpan(SpanRow span) {
            Origin origin = span.origin();
            try {
                spans.beginRow(SPAN_FIELDS);
                spans.text(origin.serviceName());
                spans.timestamptz(span.startEpochNanos());
                spans.int8(span.durationNanos());
                spans.bytea(span.traceId());
                spans.bytea(span.spanId());
                spans.bytea(span.parentSpanId());
                spans.text(span.name());
                spans.int2(span.kind());
                spans.int2(span.status().code());
                spans.text(span.status().message());
                spans.text(span.traceState());
                spans.text(origin.scopeName());
                spans.text(origin.scopeVersion());
                spans.bytea(origin.resourceId().bytes());
                spans.jsonb(span.attributesJson());
                spans.jsonb(span.eventsJson());
                spans.jsonb(span.linksJson());
                spans.endRow();
            } catch (InvalidTelemetryException e) {
                spans.abandonRow();
                throw e;
            }
            spanCount++;
            rollUp(span);
            return this;
        }

        /** @throws InvalidTelemetryException if the record cannot be stored; nothing of it is kept */
        public Builder addLog(LogRow log) {
            Origin origin = log.origin();
            try {
                logs.beginRow(LOG_FIELDS);
                logs.text(origin.serviceName());
                logs.timestamptz(log.timeEpochNanos());
                if (log.observedEpochNanos() > 0) {
                    logs.timestamptz(log.observedEpochNanos());
                } else {
                    logs.nullField();
                }
                logs.int2(log.severityNumber());
                logs.text(log.severityText());
                logs.text(log.body());
                logs.bytea(log.traceId());
                logs.bytea(log.spanId());
                logs.int4(log.flags());
                logs.text(log.eventName());
                logs.text(origin.scopeName());
                logs.bytea(origin.resourceId().bytes());
                logs.jsonb(log.attributesJson());
                logs.endRow();
            } catch (InvalidTelemetryException e) {
                logs.abandonRow();
                throw e;
            }
            logCount++;
            services.add(origin.serviceName());
            return this;
        }

        /** @throws InvalidTelemetryException if the sample cannot be stored; nothing of it is kept */
        public Builder addSample(MetricSampleRow sample) {
            samples.add(sample);
            addService(sample.serviceName());
            return this;
        }

        /** A plain sample (no histogram) of a registered series; {@code stale} stores it as the series' end, without a value. */
        public Builder addSample(String serviceName, long seriesId, long timeEpochNanos, double value, boolean stale) {
            samples.add(seriesId, timeEpochNanos, value, stale);
            addService(serviceName);
            return this;
        }

        /** Consecutive samples mostly share a service: comparing the reference skips hashing it each time. */
        private void addService(String serviceName) {
            if (serviceName != lastService) {
                services.add(serviceName);
                lastService = serviceName;
            }
        }

        /** @param digest a hash of the request as sent, so that a verbatim retry is recognised and stored once */
        public Builder digest(byte[] digest) {
            this.digest = digest.clone();
            return this;
        }

        public TelemetryBatch build() {
            return new TelemetryBatch(this);
        }

        private void rollUp(SpanRow span) {
            String service = span.origin().serviceName();
            long minute = Math.floorDiv(span.startEpochNanos(), 60_000_000_000L) * 60;
            rollups.record(new OperationKey(service, minute, span.name(), span.kind()), span.durationNanos(),
                    span.status().isError(), span.isEntry(), span.isRoot());
            services.add(service);
        }

    }
}
