package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A service scaled from 1 to 2 to 3 instances, two minutes at each, serving 1, 2 and 2.1 req/s
 * at 10 ms: linear up to 2 instances, the third adds a tenth of the linear gain (the knee is 2).
 */
public final class ScalingScenario {

    public static final int[] INSTANCES = {1, 2, 3};
    public static final int[] REQUESTS_PER_MINUTE = {60, 120, 126};

    private ScalingScenario() {
    }

    /** Records the instance counts from {@code start} and sends the requests over OTLP; six minutes from {@code start}. */
    public static void run(String service, Instant start, CapacityLedger ledger, OtlpPort otlpPort) {
        var spans = new ArrayList<Span.Builder>();
        for (int level = 0; level < INSTANCES.length; level++) {
            Instant levelStart = start.plus(Duration.ofMinutes(2L * level));
            ledger.observe(service, levelStart, INSTANCES[level]);
            for (int m = 0; m < 2; m++) {
                long minuteNanos = levelStart.plus(Duration.ofMinutes(m)).toEpochMilli() * 1_000_000L;
                int requests = REQUESTS_PER_MINUTE[level];
                for (int i = 0; i < requests; i++) {
                    spans.add(TestObjects.serverSpan("GET /", minuteNanos + i * (60_000_000_000L / requests), 10_000_000));
                }
            }
        }
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);
    }
}
