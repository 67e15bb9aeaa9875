package io.headroom.chaos.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.chaos.ExperimentRun;
import io.headroom.chaos.Experiments;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.RunEvent;
import io.headroom.chaos.RunReport;
import io.headroom.chaos.RunReportMarkdown;
import io.headroom.chaos.RunReports;
import io.headroom.chaos.RunStatus;
import io.headroom.chaos.SteadyStateCondition;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * One run, live while it goes on: its outcome, an abort button while it runs, KPIs before, during
 * and after, the alerts it set off and when, the autoscaler's reactions, and its timeline; the
 * report downloads as Markdown.
 */
@PermitAll
@Route(value = "chaos/runs", layout = MainLayout.class)
public class RunView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final Duration REFRESH = Duration.ofSeconds(2);
    /** A finished run's report still gains late alerts and telemetry for a while. */
    private static final Duration FINISHED_REFRESH = Duration.ofSeconds(30);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Experiments experiments;
    private final RunReports reports;
    private final boolean operator;
    private final Div content = new Div();
    /** Made once: the API's report.md needs API credentials, the page's session has none, so the page serves the same text. */
    private final Anchor markdown = new Anchor();
    private final LiveRefresh.Handle refresh;
    private String title = "Chaos run · Headroom";
    private volatile long runId;

    public RunView(Experiments experiments, RunReports reports, LiveRefresh live, AuthenticationContext authentication) {
        this.experiments = experiments;
        this.reports = reports;
        this.operator = authentication.hasRole("OPERATOR");
        content.setWidthFull();
        add(content);
        setWidthFull();
        refresh = live.whileAttached(this, REFRESH, () -> reports.report(runId), this::show);
        markdown.setText("Download the report (Markdown)");
        markdown.getElement().setAttribute("download", true);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        runId = id;
        title = reports.report(id).map(report -> "Run " + id + ": " + report.run().name()).orElse("No such run") + " · Headroom";
        var resource = new StreamResource("chaos-run-" + id + ".md", () -> new ByteArrayInputStream(reports.report(id)
                .map(RunReportMarkdown::of).orElse("No such run.\n").getBytes(StandardCharsets.UTF_8)));
        resource.setContentType("text/markdown; charset=utf-8");
        markdown.setHref(resource);
        refresh.now();
    }

    private void show(Optional<RunReport> found) {
        content.removeAll();
        if (found.isEmpty()) {
            content.add(new H2("No such run"), new Anchor("chaos", "All experiments"));
            return;
        }
        RunReport report = found.get();
        ExperimentRun run = report.run();
        var heading = new HorizontalLayout(new H2("Run " + run.id() + ": " + run.name()), statusBadge(run));
        heading.setAlignItems(Alignment.CENTER);
        content.add(heading, new Paragraph(run.outcome() + (run.endReason() == null ? "" : " — " + run.endReason())));
        if (operator && run.status() == RunStatus.RUNNING) {
            var abort = new Button("Abort and roll back", click -> {
                experiments.abort(run.id());
                refresh.now();
            });
            abort.setDisableOnClick(true);
            abort.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            content.add(abort);
        }
        content.add(facts(report));
        content.add(new H3("KPIs"), kpis(report));
        content.add(new H3("Alerts fired"), report.alerts().isEmpty() ? new Paragraph("None so far.") : list(report.alerts().stream()
                .map(a -> CLOCK.format(a.firedAt()) + " " + a.name() + (a.severity().isEmpty() ? "" : " (" + a.severity() + ")") + ", "
                        + seconds(a.afterStart()) + " after the start").toList()));
        content.add(new H3("Scaling reactions"), report.scaling().isEmpty() ? new Paragraph("None.") : list(report.scaling().stream()
                .map(r -> CLOCK.format(r.at()) + " " + (r.heldBy() != null ? "would scale " + r.from() + " → " + r.to() + ", held: "
                        + r.heldBy() : "scaled " + r.from() + " → " + r.to())).toList()));
        content.add(new H3("Timeline"), timeline(report.timeline()));
        content.add(new HorizontalLayout(markdown, new Anchor("chaos", "All experiments"), new Anchor("services/" + run.service(),
                run.service() + "'s page")));
        Duration period = run.finished() ? FINISHED_REFRESH : REFRESH;
        if (!period.equals(refresh.period())) {
            refresh.setPeriod(period);
        }
    }

    private Component facts(RunReport report) {
        ExperimentRun run = report.run();
        var facts = new UnorderedList();
        facts.add(new ListItem("Service " + run.service() + ", started by " + run.startedBy() + " at " + ChaosView.TIME.format(run.startedAt())
                + " UTC"));
        facts.add(new ListItem("Faults: " + run.definition().faults().stream().map(FaultSpec::describe).collect(Collectors.joining("; "))
                + " for " + run.definition().duration().toSeconds() + " s"));
        facts.add(new ListItem("Steady state: " + run.definition().steadyState().stream().map(SteadyStateCondition::describe)
                .collect(Collectors.joining(" and "))));
        if (report.detectedAfter() != null) {
            facts.add(new ListItem("Time to detect: the steady-state check saw the breach " + seconds(report.detectedAfter())
                    + " after the start"));
        }
        report.alerts().stream().findFirst().ifPresent(a -> facts.add(new ListItem("First alert: " + a.name() + " "
                + seconds(a.afterStart()) + " after the start")));
        if (run.verifyAfter() != null && run.recovered() == null) {
            facts.add(new ListItem("Checked again after " + CLOCK.format(run.verifyAfter()) + " UTC"));
        }
        if (report.extraCost() != null) {
            facts.add(new ListItem("Cost impact: " + Formats.money(report.extraCost())));
        }
        return facts;
    }

    private record KpiRow(String label, RunReport.KpiWindow window) {
    }

    private static Grid<KpiRow> kpis(RunReport report) {
        var grid = new Grid<KpiRow>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(r -> r.window() == null ? r.label() : r.label() + " (" + CLOCK.format(r.window().from()) + "–"
                + CLOCK.format(r.window().to()) + ")").setHeader("").setAutoWidth(true).setKey("when");
        grid.addColumn(r -> r.window() == null ? "—" : Long.toString(r.window().requests())).setHeader("Requests").setKey("requests");
        grid.addColumn(r -> r.window() == null || r.window().throughput() == null ? "—" : Formats.rate(r.window().throughput()))
                .setHeader("Throughput").setKey("throughput");
        grid.addColumn(r -> r.window() == null || r.window().errorRate() == null ? "—" : Formats.percent(r.window().errorRate()))
                .setHeader("Error rate").setKey("errors");
        grid.addColumn(r -> r.window() == null ? "—" : Formats.millis(r.window().p50Ms())).setHeader("p50").setKey("p50");
        grid.addColumn(r -> r.window() == null ? "—" : Formats.millis(r.window().p99Ms())).setHeader("p99").setKey("p99");
        grid.addColumn(r -> r.window() == null || r.window().instances() == null ? "—" : r.window().instances().toString())
                .setHeader("Instances").setKey("instances");
        grid.setItems(new KpiRow("before", report.before()), new KpiRow("during", report.during()),
                new KpiRow(report.after() == null ? "after (not yet)" : "after", report.after()));
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }

    private static Grid<RunEvent> timeline(List<RunEvent> events) {
        var grid = new Grid<RunEvent>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> CLOCK.format(e.at())).setHeader("At (UTC)").setAutoWidth(true).setFlexGrow(0).setKey("at");
        grid.addColumn(e -> e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("What").setAutoWidth(true)
                .setFlexGrow(0).setKey("kind");
        grid.addColumn(RunEvent::message).setHeader("").setFlexGrow(1).setKey("message");
        grid.setItems(events);
        grid.setHeight("24rem");
        grid.setWidthFull();
        return grid;
    }

    private static UnorderedList list(List<String> lines) {
        var list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static Span statusBadge(ExperimentRun run) {
        var badge = new Span(run.status().name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add(switch (run.status()) {
            case RUNNING -> "badge primary";
            case COMPLETED -> Boolean.FALSE.equals(run.hypothesisHeld()) ? "badge error" : "badge success";
            case ABORTED -> "badge error";
            case REFUSED -> "badge contrast";
        });
        return badge;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
