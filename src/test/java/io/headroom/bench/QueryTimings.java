package io.headroom.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** What the query benchmarks share: {@code --name=value} options and timed passes printed as percentiles. */
final class QueryTimings {

    private QueryTimings() {
    }

    /**
     * Runs {@code warmup} untimed passes (compiling what the pass runs, as a server that has
     * answered a few requests has), then {@code passes} timed ones, {@code beforeEach} untimed
     * before every pass; prints {@code name p50_ms=… p90_ms=… max_ms=… passes=…}.
     */
    static void time(String name, int warmup, int passes, Runnable beforeEach, Supplier<Object> pass) {
        for (int i = 0; i < warmup; i++) {
            beforeEach.run();
            pass.get();
        }
        long[] micros = new long[passes];
        for (int i = 0; i < passes; i++) {
            beforeEach.run();
            long start = System.nanoTime();
            Object result = pass.get();
            micros[i] = (System.nanoTime() - start) / 1000;
            if (result == null) {
                throw new IllegalStateException(name + " returned nothing");
            }
        }
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%s p50_ms=%.1f p90_ms=%.1f max_ms=%.1f passes=%d%n", name, micros[passes / 2] / 1000.0,
                micros[(int) Math.ceil(passes * 0.9) - 1] / 1000.0, micros[passes - 1] / 1000.0, passes);
    }

    /** The value of {@code --name=value} among the arguments, or {@code fallback}. */
    static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }
}
