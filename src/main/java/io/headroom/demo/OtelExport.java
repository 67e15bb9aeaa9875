package io.headroom.demo;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * The OTLP/HTTP delivery that the fleet's OpenTelemetry-instrumented instances share: one batch
 * processor for spans and one for log records, each with its own exporter, and one metric
 * exporter. Every instance keeps its own SDK providers and resource (service name and instance
 * id), so what arrives is the same per-instance telemetry, several resources to a request as OTLP
 * allows; only the delivery is shared, as an agent on a host batches for the services on it. One
 * exporter thread and HTTP client per signal instead of one per instance kept about 25 export
 * requests a second and their threads' wakeups off the fleet's CPU (see docs/RATIONALE.md).
 */
final class OtelExport implements AutoCloseable {

    private static final Duration BATCH_DELAY = Duration.ofSeconds(1);
    /** The exporters' own default timeout. */
    private static final long EXPORT_WAIT_SECONDS = 10;

    private final BatchSpanProcessor spans;
    private final BatchLogRecordProcessor logs;
    private final MetricExporter metrics;
    private final Duration metricInterval;

    OtelExport(String otlpEndpoint, Duration metricInterval) {
        this.metricInterval = metricInterval;
        spans = BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(otlpEndpoint + "/v1/traces").build())
                .setScheduleDelay(BATCH_DELAY).build();
        logs = BatchLogRecordProcessor.builder(OtlpHttpLogRecordExporter.builder().setEndpoint(otlpEndpoint + "/v1/logs").build())
                .setScheduleDelay(BATCH_DELAY).build();
        // Immutable data: each instance's reader collects on its own thread, so collections may overlap.
        metrics = OtlpHttpMetricExporter.builder().setEndpoint(otlpEndpoint + "/v1/metrics")
                .setMemoryMode(MemoryMode.IMMUTABLE_DATA).build();
    }

    /** The shared span processor; shutting this view down (as an instance's provider does) only flushes. */
    SpanProcessor spanProcessor() {
        return new SharedSpans(spans);
    }

    /** The shared log record processor; shutting this view down only flushes. */
    LogRecordProcessor logProcessor() {
        return new SharedLogs(logs);
    }

    /** The shared metric exporter, for an instance's own periodic reader; shutting this view down only flushes. */
    MetricExporter metricExporter() {
        return new SharedMetrics(metrics);
    }

    Duration metricInterval() {
        return metricInterval;
    }

    /** Delivers what is still buffered and stops; call after every instance has closed. */
    @Override
    public void close() {
        spans.close();
        logs.close();
        metrics.close();
    }

    private record SharedSpans(SpanProcessor delegate) implements SpanProcessor {

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
            delegate.onStart(parentContext, span);
        }

        @Override
        public boolean isStartRequired() {
            return delegate.isStartRequired();
        }

        @Override
        public void onEnd(ReadableSpan span) {
            delegate.onEnd(span);
        }

        @Override
        public boolean isEndRequired() {
            return delegate.isEndRequired();
        }

        @Override
        public CompletableResultCode forceFlush() {
            return delegate.forceFlush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.forceFlush();
        }
    }

    private record SharedLogs(LogRecordProcessor delegate) implements LogRecordProcessor {

        @Override
        public void onEmit(Context context, ReadWriteLogRecord logRecord) {
            delegate.onEmit(context, logRecord);
        }

        @Override
        public CompletableResultCode forceFlush() {
            return delegate.forceFlush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.forceFlush();
        }
    }

    private record SharedMetrics(MetricExporter delegate) implements MetricExporter {

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return delegate.getAggregationTemporality(instrumentType);
        }

        @Override
        public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
            return delegate.getDefaultAggregation(instrumentType);
        }

        @Override
        public MemoryMode getMemoryMode() {
            return delegate.getMemoryMode();
        }

        /**
         * One export at a time: the instances' readers fire together (they start together with
         * the same interval), and the exporter's HTTP sender rejects more than a few at once.
         */
        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            synchronized (this.delegate) {
                return delegate.export(metrics).join(EXPORT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.flush();
        }
    }
}
