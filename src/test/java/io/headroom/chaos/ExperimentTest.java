package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Comparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExperimentTest {

    private static final FaultSpec LATENCY = new FaultSpec(FaultType.LATENCY, 800, 0, 100, Duration.ZERO);
    private static final SteadyStateCondition P99 = new SteadyStateCondition(AlertKpi.P99, Comparison.BELOW, 300);

    private static Experiment experiment(List<FaultSpec> faults, Duration duration, List<SteadyStateCondition> steadyState, Duration grace,
            double minErrorBudget, Duration recovery) {
        return new Experiment(null, "billing tolerates 800 ms", "billing", faults, duration, steadyState, grace, List.of("HighP99Latency"),
                true, minErrorBudget, recovery, null);
    }

    @Test
    void faultsRunForTheExperimentsDuration() {
        Experiment e = experiment(List.of(LATENCY), Duration.ofMinutes(2), List.of(P99), null, 0.25, null).validated();
        assertThat(e.fault(0).duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(e.grace()).isZero();
        assertThat(e.recovery()).isEqualTo(Experiment.DEFAULT_RECOVERY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no faults         | duration must be between 10s and 1h",
            "no hypothesis     | steadyState must list 1 to 10 conditions",
            "short             | duration must be between 10s and 1h",
            "long grace        | grace must be at least 0s and shorter than the duration",
            "budget above 1    | minErrorBudget is a share of the budget",
            "long recovery     | recovery must be between 0s and 10m",
            "bad fault         | faults[0]: magnitude (HTTP status) must be a 5xx status"})
    void aBrokenExperimentIsRefusedNamingTheField(String broken, String message) {
        Duration duration = Duration.ofMinutes(2);
        List<FaultSpec> faults = List.of(LATENCY);
        List<SteadyStateCondition> hypothesis = List.of(P99);
        Duration grace = Duration.ZERO;
        double budget = 0.25;
        Duration recovery = Duration.ofMinutes(1);
        switch (broken) {
            case "no faults" -> {
                faults = List.of();
                duration = Duration.ofSeconds(5);
            }
            case "no hypothesis" -> hypothesis = List.of();
            case "short" -> duration = Duration.ofSeconds(9);
            case "long grace" -> grace = duration;
            case "budget above 1" -> budget = 25;
            case "long recovery" -> recovery = Duration.ofMinutes(11);
            case "bad fault" -> faults = List.of(new FaultSpec(FaultType.ERROR, 404, 0, 100, Duration.ZERO));
            default -> throw new IllegalArgumentException(broken);
        }
        Experiment e = experiment(faults, duration, hypothesis, grace, budget, recovery);
        assertThatThrownBy(e::validated).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void anErrorRateBoundIsAFraction() {
        assertThatThrownBy(() -> new SteadyStateCondition(AlertKpi.ERROR_RATE, Comparison.BELOW, 5))
                .hasMessageContaining("0.01 is 1 %");
        assertThat(new SteadyStateCondition(AlertKpi.ERROR_RATE, Comparison.BELOW, 0.01).describe()).isEqualTo("error_rate < 1 %");
        assertThat(P99.describe()).isEqualTo("p99 < 300 ms");
        assertThat(P99.holds(299.9)).isTrue();
        assertThat(P99.holds(300.0)).isFalse();
        assertThat(P99.holds(null)).as("nothing measured").isNull();
    }

    @Test
    void theJsonDocumentRoundTripsWithItsDefaults() {
        var json = new ExperimentJson(null, "n", "billing", List.of(new ExperimentJson.FaultJson("error", null, null, 10.0, null)), 60L,
                List.of(new ExperimentJson.ConditionJson("p99", "<", 300.0)), null, null, null, null, null,
                new ExperimentJson.ScheduleJson("0 10 * * THU", null));
        Experiment e = json.toExperiment().validated();
        assertThat(e.faults().get(0).magnitude()).isEqualTo(500);
        assertThat(e.abortOnBurnRate()).isTrue();
        assertThat(e.minErrorBudget()).isEqualTo(0.25);
        assertThat(e.schedule().zone()).as("a schedule without a zone is in UTC").isEqualTo(java.time.ZoneId.of("UTC"));
        assertThat(ExperimentJson.of(e).toExperiment()).isEqualTo(e);
        assertThatThrownBy(() -> new ExperimentJson(null, "n", "billing", List.of(), null, List.of(), null, null, null, null, null, null)
                .toExperiment()).hasMessageStartingWith("durationSeconds is required");
        assertThatThrownBy(() -> new ExperimentJson(null, "n", "billing", List.of(new ExperimentJson.FaultJson("flood", null, null, null, null)),
                60L, List.of(), null, null, null, null, null, null).toExperiment()).hasMessageContaining("was 'flood'");
    }
}
