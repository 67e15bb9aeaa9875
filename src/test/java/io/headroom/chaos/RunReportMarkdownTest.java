package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Comparison;
import org.junit.jupiter.api.Test;

class RunReportMarkdownTest {

    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aReportReadsAsAPostmortemWithUserTextEscaped() {
        var experiment = new Experiment(7L, "billing [tolerates](javascript:alert(1)) *800 ms*", "billing",
                List.of(new FaultSpec(FaultType.LATENCY, 800, 0, 100, Duration.ZERO)), Duration.ofMinutes(2),
                List.of(new SteadyStateCondition(AlertKpi.P99, Comparison.BELOW, 300)), Duration.ZERO, List.of(), true, 0.25,
                Duration.ofMinutes(1), null);
        var run = new ExperimentRun(12, 7L, experiment, "alice", START, RunStatus.ABORTED, List.of("f"), START.plusSeconds(6),
                START.plusSeconds(6), "steady state broken: p99 912 ms breaks p99 < 300 ms", false, START.plusSeconds(126), true);
        var report = new RunReport(run, List.of(
                new RunEvent(START, RunEvent.Kind.FAULT_STARTED, "latency +800 ms on all requests on billing for 120 s", null),
                new RunEvent(START.plusSeconds(6), RunEvent.Kind.BREACH, "steady state broken: p99 912 ms breaks p99 < 300 ms",
                        Map.of("p99", 912.0))),
                new RunReport.KpiWindow(START.minusSeconds(300), START, 1200, 4.0, 0.0, 9.5, 41.0, 2, 0.19),
                new RunReport.KpiWindow(START, START.plusSeconds(6), 30, 5.0, 0.0, 12.0, 912.0, 2, 0.19), null,
                Duration.ofSeconds(6), List.of(new RunReport.AlertFired("HighP99Latency", "warning", START.plusSeconds(31),
                        Duration.ofSeconds(31), "fp")),
                List.of(new RunReport.ScalingReaction(START.plusSeconds(15), 2, 3, false, "a fault is injected into billing", "…")), 0.0);

        String md = RunReportMarkdown.of(report);

        assertThat(md).startsWith("# Chaos experiment: billing \\[tolerates\\](javascript:alert(1)) \\*800 ms\\*\n")
                .contains("- **Outcome:** aborted; the hypothesis did not hold, recovered\n")
                .contains("- **Time to detect (steady-state check):** 6.0 s\n")
                .contains("- **Time to detect (first alert):** 31.0 s (HighP99Latency)\n")
                .contains("| before (09:55:00–10:00:00) | 1200 | 4 req/s | 0 % | 9.5 ms | 41 ms | 2 |\n")
                .contains("| after | — | — | — | — | — | — |\n")
                .contains("- 10:00:15 would scale 2 → 3, held: a fault is injected into billing\n")
                .contains("- 10:00:06 **breach** steady state broken: p99 912 ms breaks p99 \\< 300 ms\n")
                .doesNotContainPattern("(?<!\\\\)\\]\\(");
    }
}
