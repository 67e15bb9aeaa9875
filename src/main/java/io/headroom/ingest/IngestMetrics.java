package io.headroom.ingest;

import io.headroom.store.TelemetryBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts every record Headroom accepted or rejected, by signal and reason, for /actuator/prometheus. */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter acceptedSpans;
    private final Counter acceptedLogs;
    private final Counter acceptedSamples;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.acceptedSpans = accepted(Signal.TRACES);
        this.acceptedLogs = accepted(Signal.LOGS);
        this.acceptedSamples = accepted(Signal.METRICS);
    }

    void committed(TelemetryBatch batch) {
        acceptedSpans.increment(batch.spanCount());
        acceptedLogs.increment(batch.logCount());
        acceptedSamples.increment(batch.sampleCount());
    }

    /** @param reason a short stable word: invalid_trace_id, queue_full, too_large, ... */
    public void rejected(Signal signal, String reason, long records) {
        if (records > 0) {
            Counter.builder("headroom.ingest.records.rejected")
                    .description("Records not stored, by signal and reason")
                    .tag("signal", signal.tag()).tag("reason", reason)
                    .register(registry).increment(records);
        }
    }

    /** Requests refused as a whole before their records could be counted (undecodable, too large, ...). */
    public void requestRejected(Signal signal, String reason) {
        Counter.builder("headroom.ingest.requests.rejected")
                .description("Requests refused as a whole, by signal and reason")
                .tag("signal", signal.tag()).tag("reason", reason)
                .register(registry).increment();
    }

    private Counter accepted(Signal signal) {
        return Counter.builder("headroom.ingest.records.accepted")
                .description("Records committed to the store, by signal")
                .tag("signal", signal.tag()).register(registry);
    }
}
