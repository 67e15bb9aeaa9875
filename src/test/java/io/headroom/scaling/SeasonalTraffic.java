package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.kpi.CapacityLedger;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A service with a 10-minute "day" of traffic, recorded from {@code minutes} ago until
 * {@code until} (a test that must find the newest whole minute full whenever it reads sends a
 * few minutes ahead; a page shown to people stops at now): at minute M since the
 * epoch {@link #rate} req/s, on {@link #instances} instances, each request taking longer the more
 * load each instance carries ({@link #latencyMillis}). Sent as spans over OTLP with their own
 * timestamps; instance counts recorded as the scale targets record them.
 */
final class SeasonalTraffic {

    static final Duration SEASON = Duration.ofMinutes(10);
    static final double PER_INSTANCE = 2;

    private SeasonalTraffic() {
    }

    static double rate(long epochMinute) {
        return 4 * (1 + 0.6 * Math.sin(2 * Math.PI * Math.floorMod(epochMinute, 10) / 10.0));
    }

    static int instances(long epochMinute) {
        return (int) Math.ceil(rate(epochMinute) / PER_INSTANCE);
    }

    static long latencyMillis(long epochMinute) {
        return Math.round(10 + 15 * rate(epochMinute) / instances(epochMinute));
    }

    static void record(String service, int minutes, Instant now, Instant until, CapacityLedger ledger, OtlpPort otlp) {
        long current = now.truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        long last = until.getEpochSecond() / 60;
        long untilNanos = until.toEpochMilli() * 1_000_000L;
        var spans = new ArrayList<Span.Builder>();
        for (long minute = current - minutes; minute <= last; minute++) {
            ledger.observe(service, Instant.ofEpochSecond(minute * 60), instances(minute));
            int requests = (int) Math.round(rate(minute) * 60);
            long startNanos = minute * 60_000_000_000L;
            for (int i = 0; i < requests && startNanos + i * (60_000_000_000L / requests) < untilNanos; i++) {
                spans.add(TestObjects.serverSpan("GET /orders", startNanos + i * (60_000_000_000L / requests),
                        latencyMillis(minute) * 1_000_000L));
            }
            if (spans.size() > 2_000 || minute == last) {
                assertThat(OtlpClient.post("http://127.0.0.1:" + otlp.port() + "/v1/traces", "application/x-protobuf", null,
                        TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);
                spans.clear();
            }
        }
    }
}
