package io.headroom.scaling;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * Seasonal naive with a level correction, over equally spaced steps: the value expected at a step
 * is the mean of the same phase in up to {@link #MAX_SEASONS} past seasons, moved by how much the
 * recent level differs from the level at the same phase of those seasons (so a week of 10 %
 * growth, or a quiet holiday, carries into the forecast). The band is the 10th and 90th
 * percentiles of the same estimator's one-step errors over the last two seasons, added to the
 * expected value (an 80 % band), widened where needed to hold the expected value; with fewer
 * than 10 errors to go by, the smallest and largest of them. Why this and not Holt-Winters: see RATIONALE, "Predictive
 * scaling".
 */
final class SeasonalForecast {

    static final int MAX_SEASONS = 4;
    private static final double LOW_QUANTILE = 0.1;
    private static final double HIGH_QUANTILE = 0.9;
    private static final int MIN_ERRORS = 10;

    /** @param expected per future step; low/high the band; all at least 0 */
    record Result(double[] expected, double[] low, double[] high, int seasonsUsed) {
    }

    private final int season;
    private final int levelWindow;

    /**
     * @param season steps per season (a day of 10-minute steps is 144)
     * @param levelWindow steps the level is averaged over (a day's hour: season / 24, at least 3)
     */
    SeasonalForecast(int season, int levelWindow) {
        if (season < 2 || levelWindow < 1 || levelWindow > season) {
            throw new IllegalArgumentException("a season needs at least 2 steps and a level window within it");
        }
        this.season = season;
        this.levelWindow = levelWindow;
    }

    int season() {
        return season;
    }

    int levelWindow() {
        return levelWindow;
    }

    /** The history this forecast needs before its first step: one season and the level window. */
    int minimumHistory() {
        return season + levelWindow;
    }

    /**
     * @param history the past, oldest first, ending with the last complete step; null is a gap
     * @param horizon future steps to forecast
     * @return null when the history is shorter than {@link #minimumHistory()}
     */
    Result forecast(Double[] history, int horizon) {
        int n = history.length;
        if (n < minimumHistory()) {
            return null;
        }
        double[] expected = new double[horizon];
        int[] used = new int[1];
        for (int j = 0; j < horizon; j++) {
            Double value = estimate(history, n - 1, n + j, used);
            expected[j] = value == null ? Double.NaN : Math.max(0, value);
        }
        double[] errors = oneStepErrors(history);
        // Few errors say little about their spread: then the widest seen, rather than quantiles of three numbers.
        boolean enough = errors.length >= MIN_ERRORS;
        // The band holds the expected value even when the errors lean one way (a burst in last season's data).
        double low = errors.length == 0 ? 0 : Math.min(0, enough ? quantile(errors, LOW_QUANTILE) : quantile(errors, 0));
        double high = errors.length == 0 ? 0 : Math.max(0, enough ? quantile(errors, HIGH_QUANTILE) : quantile(errors, 1));
        double[] lows = new double[horizon];
        double[] highs = new double[horizon];
        for (int j = 0; j < horizon; j++) {
            lows[j] = Double.isNaN(expected[j]) ? Double.NaN : Math.max(0, expected[j] + low);
            highs[j] = Double.isNaN(expected[j]) ? Double.NaN : Math.max(0, expected[j] + high);
        }
        return new Result(expected, lows, highs, used[0]);
    }

    /**
     * The value expected at {@code target} from what was known at {@code origin}: the same phase's
     * values in the most recent seasons at or before the origin, plus the level correction.
     */
    private Double estimate(Double[] y, int origin, int target, int[] seasonsUsed) {
        double seasonal = 0;
        double levelThen = 0;
        int seasons = 0;
        int k = Math.max(1, (target - origin + season - 1) / season);
        for (; seasons < MAX_SEASONS && target - k * season >= 0; k++) {
            int past = target - k * season;
            Double value = y[past];
            Double level = mean(y, origin - k * season - levelWindow + 1, origin - k * season);
            if (value != null && level != null) {
                seasonal += value;
                levelThen += level;
                seasons++;
            }
        }
        Double levelNow = mean(y, origin - levelWindow + 1, origin);
        if (seasons == 0 || levelNow == null) {
            return null;
        }
        seasonsUsed[0] = Math.max(seasonsUsed[0], seasons);
        return seasonal / seasons + (levelNow - levelThen / seasons);
    }

    /** Actual minus expected for each of the last two seasons' steps, forecast one step ahead. */
    private double[] oneStepErrors(Double[] y) {
        var errors = new ArrayList<Double>();
        int[] ignored = new int[1];
        for (int i = Math.max(minimumHistory(), y.length - 2 * season); i < y.length; i++) {
            Double value = y[i];
            Double estimate = value == null ? null : estimate(y, i - 1, i, ignored);
            if (estimate != null) {
                errors.add(value - estimate);
            }
        }
        return errors.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Double mean(Double[] y, int from, int to) {
        if (from < 0) {
            return null;
        }
        double sum = 0;
        int count = 0;
        for (int i = from; i <= to; i++) {
            if (y[i] != null) {
                sum += y[i];
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
