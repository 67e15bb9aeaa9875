package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;

/**
 * A service's throughput forecast from {@code origin} on, one value per step: expected req/s and
 * an 80 % band. When there is no forecast {@code unavailable} says why and the arrays are empty.
 *
 * @param timestamps each future step's start, unix seconds
 * @param seasonsUsed how many past seasons the forecast averaged (at most 4)
 */
public record LoadForecast(String service, Duration season, Duration step, Instant origin, long[] timestamps, double[] expected,
        double[] low, double[] high, int seasonsUsed, String unavailable) {

    static LoadForecast unavailable(String service, Duration season, Duration step, Instant origin, String why) {
        return new LoadForecast(service, season, step, origin, new long[0], new double[0], new double[0], new double[0], 0, why);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** The highest expected value of the steps that overlap [{@code from}, {@code to}); NaN when none does. */
    public double peak(Instant from, Instant to) {
        double peak = Double.NaN;
        long stepSeconds = step.toSeconds();
        for (int i = 0; i < timestamps.length; i++) {
            boolean overlaps = timestamps[i] < to.getEpochSecond() && timestamps[i] + stepSeconds > from.getEpochSecond();
            if (overlaps && !Double.isNaN(expected[i]) && (Double.isNaN(peak) || expected[i] > peak)) {
                peak = expected[i];
            }
        }
        return peak;
    }
}
