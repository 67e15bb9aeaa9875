package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alert state machine as a table, in the manner of Prometheus's rules/alerting_test.go: a
 * rule ("value > 100" with a {@code for} and a {@code keep_firing_for}), the value at each
 * evaluation 30 seconds apart ({@code _} is a gap), and the state expected after each
 * (I inactive, P pending, F firing, R resolved).
 */
class AlertStateMachineTest {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static final double THRESHOLD = 100;

    private static final String CASES = """
            # name                                             | for | keep | values                    | states
            fires at the first breach without for              | 0s  | 0s   | 50 150 150 50 50          | I F F R R
            for needs the condition to hold that long          | 1m  | 0s   | 150 150 150 150 50        | P P F F R
            a break while pending starts the wait over         | 1m  | 0s   | 150 150 50 150 150 150    | P P I P P F
            a gap drops a pending alert                        | 1m  | 0s   | 150 150 _ 150 150 150     | P P I P P F
            keep_firing_for holds through a short dip          | 0s  | 1m   | 150 50 150 50 50 50       | F F F F R R
            a gap while firing counts toward keep_firing_for   | 0s  | 1m   | 150 _ _ _                 | F F R R
            a resolved alert breaching again waits for for     | 1m  | 0s   | 150 150 150 50 150 150 150 | P P F R P P F
            flapping faster than for never fires               | 1m  | 0s   | 150 50 150 50 150 50      | P I P I P I
            keep_firing_for is not for: it does not delay      | 0s  | 2m   | 50 150 50 50 50 50 50     | I F F F F R R
            equal to the threshold is not above it             | 0s  | 0s   | 100 100.5 100             | I F R
            """;

    record Case(String name, AlertTiming timing, List<Double> values, String states) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        var cases = new ArrayList<Case>();
        for (String line : CASES.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|");
            var values = new ArrayList<Double>();
            for (String value : cells[3].trim().split("\\s+")) {
                values.add(value.equals("_") ? null : Double.valueOf(value));
            }
            cases.add(new Case(cells[0].trim(), new AlertTiming(duration(cells[1]), duration(cells[2])), values,
                    cells[4].trim().replace(" ", "")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStatesFollowTheTable(Case table) {
        assertThat(table.values()).as("one expected state per value").hasSize(table.states().length());
        Alert alert = Alert.INACTIVE;
        var seen = new StringBuilder();
        for (int i = 0; i < table.values().size(); i++) {
            Double value = table.values().get(i);
            alert = AlertStateMachine.next(alert, table.timing(), T0.plus(STEP.multipliedBy(i)), value != null && value > THRESHOLD, value);
            seen.append(alert.state().name().charAt(0));
        }
        assertThat(seen.toString()).isEqualTo(table.states());
    }

    @Test
    void anAlertRemembersWhenItStartedFiredAndResolvedAndItsLastValue() {
        var timing = new AlertTiming(Duration.ofMinutes(1), Duration.ZERO);
        Alert alert = Alert.INACTIVE;
        double[] values = {150, 160, 170, 50};
        for (int i = 0; i < values.length; i++) {
            alert = AlertStateMachine.next(alert, timing, T0.plus(STEP.multipliedBy(i)), values[i] > THRESHOLD, values[i]);
        }
        assertThat(alert.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(alert.firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(alert.resolvedAt()).isEqualTo(T0.plus(Duration.ofSeconds(90)));
        assertThat(alert.lastBreachAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(alert.value()).isEqualTo(50);

        alert = AlertStateMachine.next(alert, timing, T0.plus(Duration.ofMinutes(2)), false, null);
        assertThat(alert.value()).as("a gap keeps the last value seen").isEqualTo(50);
    }

    private static Duration duration(String text) {
        String trimmed = text.trim();
        long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
        return trimmed.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }
}
