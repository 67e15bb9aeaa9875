package io.headroom.chaos;

import java.time.Duration;

/**
 * What to inject and for how long. {@code magnitude} is read per {@link FaultType};
 * {@code jitter} applies to latency only and {@code percentage} to latency and errors (the
 * share of requests hit, 0 < p ≤ 100).
 */
public record FaultSpec(FaultType type, double magnitude, double jitter, double percentage, Duration duration) {

    /** For people: "latency +100 ms (up to +20 ms more) on 50% of requests". */
    public String describe() {
        String share = percentage == 100 ? "all requests" : "%s%% of requests".formatted(number(percentage));
        return switch (type) {
            case LATENCY -> "latency +%s ms%s on %s".formatted(number(magnitude),
                    jitter > 0 ? " (up to +" + number(jitter) + " ms more)" : "", share);
            case ERROR -> "HTTP %d on %s".formatted((int) magnitude, share);
            case KILL -> magnitude == 1 ? "1 instance killed" : "%d instances killed".formatted((int) magnitude);
            case CPU -> "CPU burn %s%% of a core per instance".formatted(number(magnitude));
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
