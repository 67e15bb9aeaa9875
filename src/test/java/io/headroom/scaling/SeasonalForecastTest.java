package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SeasonalForecastTest {

    private static final int SEASON = 24;

    private static double daily(int i) {
        return 100 + 50 * Math.sin(2 * Math.PI * i / SEASON);
    }

    private static Double[] history(int steps, java.util.function.IntToDoubleFunction value) {
        Double[] values = new Double[steps];
        for (int i = 0; i < steps; i++) {
            values[i] = value.applyAsDouble(i);
        }
        return values;
    }

    @Test
    void aRepeatingDayIsForecastAsItRepeatsWithANarrowBand() {
        int known = 3 * SEASON + 3; // three seasons with the level window before the oldest
        var forecast = new SeasonalForecast(SEASON, 3).forecast(history(known, SeasonalForecastTest::daily), 36);

        assertThat(forecast.seasonsUsed()).isEqualTo(3);
        for (int j = 0; j < 36; j++) {
            assertThat(forecast.expected()[j]).as("step %d", j).isCloseTo(daily(known + j), within(1e-9));
            assertThat(forecast.high()[j] - forecast.low()[j]).isLessThan(1e-6);
        }
    }

    @Test
    void growthSinceTheLastSeasonsCarriesIntoTheForecast() {
        // Traffic grows by half a request per second every step, a season on season rise of 12.
        var forecast = new SeasonalForecast(SEASON, 3).forecast(history(3 * SEASON, i -> daily(i) + 0.5 * i), 30);

        for (int j = 0; j < 30; j++) {
            assertThat(forecast.expected()[j]).as("step %d", j).isCloseTo(daily(3 * SEASON + j) + 0.5 * (3 * SEASON + j), within(1e-9));
        }
    }

    @Test
    void lessThanASeasonAndTheLevelWindowForecastsNothing() {
        var model = new SeasonalForecast(SEASON, 3);
        assertThat(model.minimumHistory()).isEqualTo(27);
        assertThat(model.forecast(history(26, SeasonalForecastTest::daily), 6)).isNull();
        assertThat(model.forecast(history(27, SeasonalForecastTest::daily), 6)).isNotNull();
    }

    @Test
    void gapsAreSkippedNotReadAsZero() {
        Double[] values = history(3 * SEASON, SeasonalForecastTest::daily);
        values[2 * SEASON] = null; // the newest season's value for the first future step is missing
        var forecast = new SeasonalForecast(SEASON, 3).forecast(values, 1);
        assertThat(forecast.expected()[0]).isCloseTo(daily(0), within(1e-9));
    }

    @Test
    void theBandHoldsAboutEightyPercentOfWhatNoisyTrafficDoesNext() {
        Random random = new Random(7);
        Double[] all = history(8 * SEASON, i -> daily(i) + random.nextGaussian() * 10);
        int covered = 0;
        int trials = 0;
        for (int origin = 4 * SEASON; origin < 8 * SEASON; origin++) {
            Double[] past = java.util.Arrays.copyOf(all, origin);
            var forecast = new SeasonalForecast(SEASON, 3).forecast(past, 1);
            trials++;
            if (all[origin] >= forecast.low()[0] && all[origin] <= forecast.high()[0]) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.65, 0.92);
    }

    @Test
    void aForecastNeverGoesBelowZero() {
        var forecast = new SeasonalForecast(SEASON, 3)
                .forecast(history(2 * SEASON, i -> i < SEASON ? 50 : 1), SEASON);
        for (double value : forecast.expected()) {
            assertThat(value).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void theBandHoldsTheExpectedValueEvenWhenPastErrorsLeanOneWay() {
        // Growth that speeds up: the level correction lags behind it, so every one-step error is positive.
        var forecast = new SeasonalForecast(SEASON, 3).forecast(history(4 * SEASON, i -> daily(i) + 0.05 * i * i), SEASON);
        for (int j = 0; j < SEASON; j++) {
            assertThat(forecast.low()[j]).isLessThanOrEqualTo(forecast.expected()[j]);
            assertThat(forecast.high()[j]).isGreaterThanOrEqualTo(forecast.expected()[j]);
        }
    }
}
