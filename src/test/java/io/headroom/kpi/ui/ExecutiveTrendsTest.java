package io.headroom.kpi.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecutiveTrendsTest {

    @Test
    void changesReadAsArrowsAndPercentagesOrPercentagePointsForAvailability() {
        assertThat(ExecutiveView.change(12.0, 10.0, "vs previous 24h")).isEqualTo("▲ 20 % vs previous 24h");
        assertThat(ExecutiveView.change(9.5, 10.0, "vs previous 24h")).isEqualTo("▼ 5.0 % vs previous 24h");
        assertThat(ExecutiveView.change(10.01, 10.0, "vs x")).isEqualTo("no change vs x");
        assertThat(ExecutiveView.change(1.0, 0.0, "vs x")).isEqualTo("– vs x");
        assertThat(ExecutiveView.change(null, 1.0, "vs x")).isEqualTo("– vs x");
        assertThat(ExecutiveView.points(0.9995, 0.999, "vs x")).isEqualTo("▲ 0.05 pp vs x");
        assertThat(ExecutiveView.points(0.98, 0.99, "vs x")).isEqualTo("▼ 1 pp vs x");
        assertThat(ExecutiveView.points(0.99, 0.99, "vs x")).isEqualTo("no change vs x");
        assertThat(ExecutiveView.points(0.99, null, "vs x")).isEqualTo("– vs x");
    }
}
