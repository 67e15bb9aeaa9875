package io.headroom.kpi;

import java.util.Optional;

/**
 * Where a service's throughput forecast comes from, for its throughput chart: scaling offers one
 * for each service with a predictive policy (kpi does not depend on scaling; scaling depends on it).
 */
public interface ForecastSource {

    /** The next hour's forecast, when something forecasts this service's throughput. */
    Optional<ThroughputForecast> forecast(String service);

    /**
     * Expected req/s per step with an 80 % band, each step starting at {@code timestamps[i]} (unix
     * seconds) and lasting {@code stepSeconds}; NaN where the forecast has no value.
     */
    record ThroughputForecast(long[] timestamps, long stepSeconds, double[] expected, double[] low, double[] high) {

        /** The step holding {@code epochSecond}, or -1. */
        public int index(long epochSecond) {
            for (int i = 0; i < timestamps.length; i++) {
                if (epochSecond >= timestamps[i] && epochSecond < timestamps[i] + stepSeconds) {
                    return i;
                }
            }
            return -1;
        }
    }
}
