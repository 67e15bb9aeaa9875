package io.headroom.kpi.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.kpi.Fleet;
import io.headroom.kpi.FleetPeriod;
import io.headroom.kpi.FleetSummary;
import io.headroom.kpi.SloStatus;
import io.headroom.ui.Figure;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;

/** The few numbers a manager asks for across the fleet, each against the period before. */
@PermitAll
@Route(value = "executive", layout = MainLayout.class)
@PageTitle("Executive · Headroom")
@Menu(title = "Executive", order = 1)
public class ExecutiveView extends VerticalLayout implements BeforeEnterObserver {

    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofHours(24));
    private static final Duration DEFAULT_REFRESH = Duration.ofMinutes(1);

    private final Clock clock;
    private final TimeControls timeControls;
    private final LiveRefresh.Handle refresh;
    private final HorizontalLayout figures = new HorizontalLayout();
    private final Paragraph scope = new Paragraph();
    private final Grid<SloStatus> slos = new Grid<>();
    private final Paragraph noSlos = new Paragraph("No service has an SLO yet: set one with the SLO… button on a service's page.");
    private volatile TimeRange range = DEFAULT_RANGE;

    public ExecutiveView(Fleet fleet, LiveRefresh live, Clock clock) {
        this.clock = clock;
        setWidthFull();
        timeControls = new TimeControls(clock, choice -> getUI().ifPresent(ui -> ui.navigate(ExecutiveView.class, choice.query())));
        figures.setWrap(true);
        figures.addClassName("headroom-headline");
        scope.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        configureSlos();
        var top = new HorizontalLayout(new H2("Executive"), timeControls);
        top.setWrap(true);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(top, figures, scope, new H4("Service level objectives"), noSlos, slos);
        refresh = live.whileAttached(this, DEFAULT_REFRESH, () -> {
            TimeRange shown = range;
            Instant now = clock.instant();
            return fleet.summary(shown.start(now), shown.end(now));
        }, this::show);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var choice = TimeControls.Choice.fromQuery(event.getLocation().getQueryParameters(), DEFAULT_RANGE, DEFAULT_REFRESH);
        range = choice.range();
        timeControls.show(choice);
        refresh.setPeriod(choice.refresh());
    }

    private void configureSlos() {
        slos.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        slos.setAllRowsVisible(true);
        slos.setWidthFull();
        slos.addComponentColumn(status -> new RouterLink(status.slo().service(), ServiceView.class, status.slo().service()))
                .setHeader("Service").setFlexGrow(1);
        slos.addComponentColumn(status -> Health.badge(status.alert())).setHeader("Health").setWidth("7rem").setFlexGrow(0);
        slos.addColumn(status -> status.objectives().stream()
                .map(objective -> (objective.kind().equals("latency") ? "≤ " + Formats.millis(objective.thresholdMs()) + ": " : "success: ")
                        + Formats.share(objective.target()))
                .collect(Collectors.joining(" · "))).setHeader("Objectives").setFlexGrow(2);
        slos.addColumn(status -> status.objectives().stream().map(objective -> objective.sli() == null ? "–" : Formats.share(objective.sli()))
                .collect(Collectors.joining(" · "))).setHeader("Over the SLO window").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
        slos.addColumn(status -> status.objectives().stream()
                .map(objective -> objective.errorBudgetRemaining() == null ? "–" : Formats.percent(objective.errorBudgetRemaining()))
                .collect(Collectors.joining(" · "))).setHeader("Error budget left").setTextAlign(ColumnTextAlign.END).setFlexGrow(1);
    }

    private void show(FleetSummary summary) {
        FleetPeriod now = summary.current();
        FleetPeriod before = summary.previous();
        TimeRange shown = range;
        String previous = shown.relative() ? "vs the " + shown.label().substring("Last ".length()) + " before" : "vs the period before";
        figures.removeAll();
        figures.add(
                new Figure("Transactions", Formats.rate(now.transactionsPerSecond()))
                        .withNote(Formats.number(now.transactions()) + " · " + change(now.transactionsPerSecond(), before.transactionsPerSecond(), previous)),
                new Figure("Availability", now.availability() == null ? "–" : Formats.share(round(now.availability())))
                        .withNote(points(now.availability(), before.availability(), previous)),
                new Figure("SLOs met", summary.slos().isEmpty() ? "none set" : summary.slosMet() + " of " + summary.slos().size()),
                new Figure("Least error budget left", summary.lowestBudgetRemaining() == null ? "–" : Formats.percent(summary.lowestBudgetRemaining()))
                        .withNote(summary.lowestBudgetService()),
                new Figure("Cost / hour", Formats.money(now.costPerHour())).withNote(change(now.costPerHour(), before.costPerHour(), previous)),
                new Figure("Cost in range", Formats.money(now.cost())).withNote(change(now.cost(), before.cost(), previous)),
                new Figure("Cost / 1k transactions", Formats.money(now.costPer1kTransactions()))
                        .withNote(change(now.costPer1kTransactions(), before.costPer1kTransactions(), previous)));
        scope.setText("%d services, %d of them priced. Transactions are requests that started a trace; availability is the share of "
                .formatted(now.services(), now.pricedServices())
                + "every service's requests that succeeded. Costs cover the priced services only.");
        slos.setItems(summary.slos());
        slos.setVisible(!summary.slos().isEmpty());
        noSlos.setVisible(summary.slos().isEmpty());
    }

    /** "▲ 12 % vs previous 24h"; "–" when either side is unknown or the previous one is zero. */
    static String change(Double current, Double previous, String against) {
        if (current == null || previous == null || previous == 0) {
            return "– " + against;
        }
        double change = (current - previous) / previous;
        if (Math.abs(change) < 0.005) {
            return "no change " + against;
        }
        return (change > 0 ? "▲ " : "▼ ") + Formats.percent(Math.abs(change)) + " " + against;
    }

    /** Availabilities differ by fractions of a percent: the change in percentage points. */
    static String points(Double current, Double previous, String against) {
        if (current == null || previous == null) {
            return "– " + against;
        }
        double points = (current - previous) * 100;
        if (Math.abs(points) < 0.0005) {
            return "no change " + against;
        }
        return (points > 0 ? "▲ " : "▼ ") + String.format(Locale.ROOT, "%.3f", Math.abs(points)).replaceAll("0+$", "").replaceAll("\\.$", "")
                + " pp " + against;
    }

    private static double round(double share) {
        return Math.floor(share * 100_000) / 100_000;
    }
}
