package io.headroom.chaos;

import java.time.Duration;

/**
 * What to inject and for how long. {@code magnitude} is read per {@link FaultType};
 * {@code jitter} applies to latency only and {@code percentage} to latency and errors (the
 * share of requests hit, 0 < p ≤ 100); {@code instancePercentage} picks that share of the
 * service's instances when the fault starts (at least one) for latency, errors and CPU burn.
 */
public record FaultSpec(FaultType type, double magnitude, double jitter, double percentage, Duration duration,
        double instancePercentage) {

    /** On every instance. */
    public FaultSpec(FaultType type, double magnitude, double jitter, double percentage, Duration duration) {
        this(type, magnitude, jitter, percentage, duration, 100);
    }

    /** How many of {@code running} instances the fault picks: the share, rounded up, at least one. */
    public int instancesOf(int running) {
        return Math.max(1, Math.min(running, (int) Math.ceil(running * instancePercentage / 100 - 1e-9)));
    }

    public FaultSpec withDuration(Duration newDuration) {
        return new FaultSpec(type, magnitude, jitter, percentage, newDuration, instancePercentage);
    }

    /** For people: "latency +100 ms (up to +20 ms more) on 50% of requests". */
    public String describe() {
        String share = percentage == 100 ? "all requests" : "%s%% of requests".formatted(number(percentage));
        String instances = instancePercentage == 100 ? "" : " of %s%% of instances".formatted(number(instancePercentage));
        return switch (type) {
            case LATENCY -> "latency +%s ms%s on %s%s".formatted(number(magnitude),
                    jitter > 0 ? " (up to +" + number(jitter) + " ms more)" : "", share, instances);
            case ERROR -> "HTTP %d on %s%s".formatted((int) magnitude, share, instances);
            case KILL -> magnitude == 1 ? "1 instance killed" : "%d instances killed".formatted((int) magnitude);
            case CPU -> "CPU burn %s%% of a core per instance%s".formatted(number(magnitude),
                    instancePercentage == 100 ? "" : " on %s%% of instances".formatted(number(instancePercentage)));
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
