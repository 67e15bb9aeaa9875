package io.headroom.chaos.ui;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.chaos.Chaos;
import io.headroom.chaos.Experiment;
import io.headroom.chaos.ExperimentRun;
import io.headroom.chaos.Experiments;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.KillSwitchState;
import io.headroom.chaos.SteadyStateCondition;
import io.headroom.ui.DeleteDialog;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Chaos experiments: the kill switch, every experiment (operators create, edit, start and delete
 * them) and the latest runs, live; a run opens its report.
 */
@PermitAll
@Route(value = "chaos", layout = MainLayout.class)
@PageTitle("Chaos · Headroom")
@Menu(title = "Chaos", order = 12)
public class ChaosView extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(2);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Experiments experiments;
    private final Chaos chaos;
    private final java.time.Clock clock;
    private final boolean operator;
    private final Div killSwitch = new Div();
    /** As last shown: Start buttons are disabled while it is engaged (a start would be refused). */
    private boolean killSwitchEngaged;
    private final Grid<Experiment> experimentGrid = new Grid<>();
    private final Grid<ExperimentRun> runGrid = new Grid<>();
    private final LiveRefresh.Handle refresh;

    public ChaosView(Experiments experiments, Chaos chaos, LiveRefresh live, AuthenticationContext authentication, java.time.Clock clock) {
        this.experiments = experiments;
        this.chaos = chaos;
        this.clock = clock;
        this.operator = authentication.hasRole("OPERATOR");
        add(new H2("Chaos experiments"), new Paragraph("An experiment injects faults into one service while its steady state "
                + "holds; the first check that sees it broken aborts the run and rolls the faults back."), killSwitch);
        if (operator) {
            var create = new Button("New experiment", click -> new ExperimentDialog(experiments, chaos, null, this::reloadExperiments).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        configureExperiments();
        configureRuns();
        add(new H3("Experiments"), experimentGrid, new H3("Runs"), runGrid);
        setWidthFull();
        refresh = live.whileAttached(this, REFRESH, () -> new Live(experiments.killSwitch(), experiments.runs(null, null, 50)),
                this::show);
        reloadExperiments();
    }

    private record Live(KillSwitchState killSwitch, List<ExperimentRun> runs) {
    }

    private void show(Live live) {
        runGrid.setItems(live.runs());
        showKillSwitch(live.killSwitch());
    }

    private void showKillSwitch(KillSwitchState state) {
        if (state.engaged() != killSwitchEngaged) {
            killSwitchEngaged = state.engaged();
            experimentGrid.getDataProvider().refreshAll();
        }
        killSwitch.removeAll();
        var status = new Span(state.engaged() ? "Kill switch engaged" : "Kill switch off");
        status.getElement().getThemeList().add(state.engaged() ? "badge error primary" : "badge success");
        var line = new HorizontalLayout(status, new Span(state.engaged()
                ? "by " + state.changedBy() + " at " + TIME.format(state.changedAt()) + " UTC" + (state.reason() == null ? "" : ": "
                        + state.reason()) + ". No experiment or fault can start."
                : "Experiments and faults may run."));
        line.setAlignItems(Alignment.CENTER);
        if (operator) {
            line.add(state.engaged() ? releaseButton() : engageControls());
        }
        killSwitch.add(line);
    }

    private Component engageControls() {
        var reason = new TextField();
        reason.setPlaceholder("Why (optional)");
        reason.setAriaLabel("Why the kill switch is engaged");
        var engage = new Button("Stop all chaos", click -> {
            List<ExperimentRun> aborted = experiments.engageKillSwitch(reason.getValue());
            Notification.show("Kill switch engaged" + (aborted.isEmpty() ? "" : ": aborted " + aborted.size() + " running experiment"
                    + (aborted.size() == 1 ? "" : "s")), 5_000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            refresh.now();
        });
        engage.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var controls = new HorizontalLayout(reason, engage);
        controls.setAlignItems(Alignment.BASELINE);
        return controls;
    }

    private Component releaseButton() {
        return new Button("Release", click -> {
            experiments.releaseKillSwitch();
            refresh.now();
        });
    }

    private void configureExperiments() {
        experimentGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        experimentGrid.addColumn(Experiment::name).setHeader("Name").setFlexGrow(2).setKey("name");
        experimentGrid.addColumn(Experiment::service).setHeader("Service").setAutoWidth(true).setKey("service");
        experimentGrid.addColumn(e -> e.faults().stream().map(FaultSpec::describe).collect(Collectors.joining("; ")) + " for "
                + e.duration().toSeconds() + " s").setHeader("Faults").setFlexGrow(2).setKey("faults");
        experimentGrid.addColumn(e -> e.steadyState().stream().map(SteadyStateCondition::describe).collect(Collectors.joining(" and ")))
                .setHeader("Steady state").setFlexGrow(2).setKey("steadyState");
        experimentGrid.addColumn(ChaosView::abortsOn).setHeader("Aborts on").setFlexGrow(2).setKey("abortsOn");
        experimentGrid.addColumn(this::gameDay).setHeader("GameDay").setFlexGrow(2).setKey("schedule");
        if (operator) {
            experimentGrid.addColumn(LitRenderer.<Experiment>of("""
                    <vaadin-button theme="small primary" aria-label="Start ${item.name}" ?disabled=${item.blocked}
                        title="${item.blocked ? 'The kill switch is engaged: release it to start experiments' : ''}" @click=${start}>Start</vaadin-button>
                    <vaadin-button theme="small tertiary" aria-label="Edit ${item.name}" @click=${edit}>Edit</vaadin-button>
                    <vaadin-button theme="small tertiary error" aria-label="Delete ${item.name}" @click=${remove}>Delete</vaadin-button>""")
                    .withProperty("name", Experiment::name)
                    .withProperty("blocked", e -> killSwitchEngaged)
                    .withFunction("start", this::start)
                    .withFunction("edit", e -> new ExperimentDialog(experiments, chaos, e, this::reloadExperiments).open())
                    .withFunction("remove", e -> DeleteDialog.open("the experiment " + e.name(),
                            "Its runs and their reports stay.", () -> {
                                experiments.delete(e.id());
                                reloadExperiments();
                            })))
                    .setHeader("").setWidth("15em").setFlexGrow(0).setKey("actions");
        }
        experimentGrid.setAllRowsVisible(true);
        experimentGrid.setWidthFull();
    }

    private String gameDay(Experiment e) {
        if (e.schedule() == null) {
            return "";
        }
        java.time.Instant next = e.schedule().next(clock.instant());
        return e.schedule().cron() + " " + e.schedule().zone().getId() + (next == null ? "" : " · next " + TIME.format(next) + " UTC");
    }

    private static String abortsOn(Experiment e) {
        String breach = e.grace().isZero() ? "any breach" : "a breach over " + e.grace().toSeconds() + " s";
        String alerts = e.abortOnAlerts().isEmpty() ? "" : ", " + String.join(", ", e.abortOnAlerts());
        return breach + alerts + (e.abortOnBurnRate() ? ", SLO burn-rate alerts" : "");
    }

    private void start(Experiment experiment) {
        try {
            ExperimentRun run = experiments.start(experiment.id());
            if (run.status() == io.headroom.chaos.RunStatus.REFUSED) {
                Notification.show("Not started: " + run.endReason(), 8_000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
                refresh.now();
                return;
            }
            UI.getCurrent().navigate(RunView.class, run.id());
        } catch (Experiments.AlreadyRunning e) {
            Notification.show(e.getMessage(), 6_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private void configureRuns() {
        runGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        runGrid.addColumn(LitRenderer.<ExperimentRun>of("<a href='chaos/runs/${item.id}'>${item.id}</a>")
                .withProperty("id", ExperimentRun::id)).setHeader("Run").setAutoWidth(true).setFlexGrow(0).setKey("id");
        runGrid.addColumn(ExperimentRun::name).setHeader("Experiment").setFlexGrow(2).setKey("experiment");
        runGrid.addColumn(ExperimentRun::service).setHeader("Service").setAutoWidth(true).setKey("service");
        runGrid.addColumn(new ComponentRenderer<>(run -> RunView.statusBadge(run))).setHeader("Status").setAutoWidth(true).setKey("status");
        runGrid.addColumn(run -> TIME.format(run.startedAt())).setHeader("Started (UTC)").setAutoWidth(true).setKey("started");
        runGrid.addColumn(ExperimentRun::startedBy).setHeader("By").setAutoWidth(true).setKey("by");
        runGrid.addColumn(run -> run.endReason() == null ? "" : run.endReason()).setHeader("Why it ended").setFlexGrow(3).setKey("reason");
        runGrid.setAllRowsVisible(true);
        runGrid.setWidthFull();
    }

    private void reloadExperiments() {
        experimentGrid.setItems(experiments.all());
        refresh.now();
    }
}
