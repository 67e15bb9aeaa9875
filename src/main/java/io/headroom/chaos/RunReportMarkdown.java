package io.headroom.chaos;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import io.headroom.alerting.AlertKpi;

/**
 * A run's report as Markdown, for a postmortem or a GameDay's notes. Text that came from users
 * or telemetry (names, reasons, alert names) is escaped, so it cannot turn into links or markup.
 */
public final class RunReportMarkdown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private RunReportMarkdown() {
    }

    public static String of(RunReport report) {
        ExperimentRun run = report.run();
        Experiment experiment = run.definition();
        var md = new StringBuilder();
        md.append("# Chaos experiment: ").append(text(run.name())).append("\n\n");
        md.append("- **Service:** ").append(text(run.service())).append('\n');
        md.append("- **Run:** ").append(run.id()).append(", started by ").append(text(run.startedBy())).append(" at ")
                .append(TIME.format(run.startedAt())).append('\n');
        md.append("- **Outcome:** ").append(run.outcome()).append('\n');
        if (run.endReason() != null) {
            md.append("- **Why it ended:** ").append(text(run.endReason())).append('\n');
        }
        md.append("- **Faults:** ").append(experiment.faults().stream().map(FaultSpec::describe).map(RunReportMarkdown::text)
                .collect(Collectors.joining("; "))).append(" for ").append(experiment.duration().toSeconds()).append(" s\n");
        md.append("- **Steady state:** ").append(experiment.steadyState().stream().map(SteadyStateCondition::describe)
                .collect(Collectors.joining(" and "))).append('\n');
        if (report.detectedAfter() != null) {
            md.append("- **Time to detect (steady-state check):** ").append(seconds(report.detectedAfter())).append('\n');
        }
        report.alerts().stream().findFirst().ifPresent(first -> md.append("- **Time to detect (first alert):** ")
                .append(seconds(first.afterStart())).append(" (").append(text(first.name())).append(")\n"));
        if (report.extraCost() != null) {
            md.append("- **Cost impact:** ").append(String.format(Locale.ROOT, "%+.4f", report.extraCost()))
                    .append(" (instances run during the faults beyond the count before)\n");
        }

        md.append("\n## KPIs\n\n| | requests | req/s | error rate | p50 | p99 | instances |\n|---|---|---|---|---|---|---|\n");
        row(md, "before", report.before());
        row(md, "during", report.during());
        row(md, "after", report.after());

        md.append("\n## Alerts fired\n\n");
        if (report.alerts().isEmpty()) {
            md.append("None.\n");
        }
        report.alerts().forEach(alert -> md.append("- ").append(CLOCK.format(alert.firedAt())).append(" ").append(text(alert.name()))
                .append(alert.severity().isEmpty() ? "" : " (" + text(alert.severity()) + ")").append(", ")
                .append(seconds(alert.afterStart())).append(" after the start\n"));

        md.append("\n## Scaling reactions\n\n");
        if (report.scaling().isEmpty()) {
            md.append("None.\n");
        }
        report.scaling().forEach(reaction -> md.append("- ").append(CLOCK.format(reaction.at())).append(" ")
                .append(reaction.heldBy() != null ? "would scale " + reaction.from() + " → " + reaction.to() + ", held: "
                        + text(reaction.heldBy()) : "scaled " + reaction.from() + " → " + reaction.to()
                        + (reaction.applied() ? "" : " (not applied)"))
                .append('\n'));

        md.append("\n## Timeline\n\n");
        report.timeline().forEach(event -> md.append("- ").append(CLOCK.format(event.at())).append(" **")
                .append(event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("** ").append(text(event.message()))
                .append('\n'));
        return md.toString();
    }

    private static void row(StringBuilder md, String label, RunReport.KpiWindow window) {
        if (window == null) {
            md.append("| ").append(label).append(" | — | — | — | — | — | — |\n");
            return;
        }
        md.append("| ").append(label).append(" (").append(CLOCK.format(window.from())).append("–").append(CLOCK.format(window.to()))
                .append(") | ").append(window.requests()).append(" | ").append(value(AlertKpi.THROUGHPUT, window.throughput()))
                .append(" | ").append(value(AlertKpi.ERROR_RATE, window.errorRate())).append(" | ")
                .append(value(AlertKpi.P50, window.p50Ms())).append(" | ").append(value(AlertKpi.P99, window.p99Ms())).append(" | ")
                .append(window.instances() == null ? "—" : window.instances()).append(" |\n");
    }

    private static String value(AlertKpi kpi, Double value) {
        return value == null ? "—" : KpiText.of(kpi, value);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Markdown's special characters escaped, line breaks flattened: the text stays text. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replaceAll("[\\r\\n]+", " ").replaceAll("([\\\\`*_\\[\\]!|<>~])", "\\\\$1");
    }
}
