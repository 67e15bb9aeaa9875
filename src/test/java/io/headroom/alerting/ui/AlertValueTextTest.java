package io.headroom.alerting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertValueTextTest {

    @ParameterizedTest(name = "{0} {1} reads {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "453.2    | p99                  | 453 ms",
            "1250     | p95                  | 1.25 s",
            "0.052    | error_rate           | 5.2 %",
            "0.25     | error_rate           | 25 %",
            "12.04    | throughput           | 12 req/s",
            "3        | instances            | 3",
            "0.93     | apdex                | 0.93",
            "1.2      | cost_per_hour        | 1.20/h",
            "14.4     | burn_rate            | burn rate 14.4×",
            "0.05     | null                 | 50m",
    })
    void readsInTheUnitOfItsMeasure(double value, String measure, String expected) {
        assertThat(AlertValueText.of(value, measure)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void noValueIsBlank() {
        assertThat(AlertValueText.of(null, "p99")).isEmpty();
    }
}
