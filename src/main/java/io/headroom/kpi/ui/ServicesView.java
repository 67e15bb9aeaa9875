package io.headroom.kpi.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.kpi.Capacity;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSummary;
import io.headroom.kpi.SloStatus;
import io.headroom.kpi.SloStatus.AlertLevel;
import io.headroom.kpi.Slos;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import io.headroom.ui.Sparkline;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;

/** Every service with its request KPIs over the chosen window, kept live by push. */
@Route(value = "services", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Services · Headroom")
@Menu(title = "Services", order = 0)
public class ServicesView extends VerticalLayout implements BeforeEnterObserver {

    private static final int TREND_POINTS = 30;
    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofMinutes(5));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Grid<ServiceSummary> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Span updated = new Span();
    private final Paragraph empty = new Paragraph();
    private final Clock clock;
    private final TimeControls timeControls;
    private final LiveRefresh.Handle refresh;
    private volatile TimeRange range = DEFAULT_RANGE;
    private Overview latest = new Overview(List.of(), Map.of(), Map.of());

    /** One refresh's data: the KPIs, the SLO status of the services that have one, and each service's throughput over the range. */
    private record Overview(List<ServiceSummary> summaries, Map<String, SloStatus> health, Map<String, Double[]> trends) {
    }

    public ServicesView(ServiceKpis kpis, Slos slos, LiveRefresh live, Clock clock) {
        this.clock = clock;
        setSizeFull();

        timeControls = new TimeControls(clock, choice -> getUI().ifPresent(ui -> ui.navigate(ServicesView.class, choice.query())));
        filter.setLabel("Filter");
        filter.setPlaceholder("service name");
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(event -> show(latest));
        updated.addClassName("headroom-updated");
        var toolbar = new HorizontalLayout(timeControls, filter, updated);
        toolbar.setWrap(true);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        configureGrid();
        empty.setText("No service has sent telemetry yet. Point an OpenTelemetry SDK at this host's port 4318 "
                + "(OTEL_EXPORTER_OTLP_ENDPOINT=http://<host>:4318); services appear here within seconds.");
        empty.setVisible(false);

        add(new H2("Services"), toolbar, empty, grid);
        refresh = live.whileAttached(this, TimeControls.Choice.DEFAULT_REFRESH, () -> {
            Instant now = clock.instant();
            TimeRange shown = range;
            return new Overview(kpis.summaries(shown.start(now), shown.end(now)), slos.statuses(),
                    kpis.throughputTrends(shown.start(now), shown.end(now), TREND_POINTS));
        }, this::show);
    }

    /** The range and refresh come from the URL, so a link reproduces the view; the controls navigate to change them. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var choice = TimeControls.Choice.fromQuery(event.getLocation().getQueryParameters(), DEFAULT_RANGE);
        range = choice.range();
        timeControls.show(choice);
        refresh.setPeriod(choice.refresh());
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setSizeFull();
        grid.addComponentColumn(summary -> new RouterLink(summary.service(), ServiceView.class, summary.service()))
                .setHeader("Service").setComparator(ServiceSummary::service).setFlexGrow(2).setKey("service");
        grid.addComponentColumn(this::health).setHeader("Health")
                .setComparator(Comparator.comparing((ServiceSummary summary) -> level(summary.service()),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setKey("health");
        grid.addColumn(summary -> Formats.rate(summary.throughput())).setHeader("Throughput")
                .setComparator(Comparator.comparingDouble(ServiceSummary::throughput)).setTextAlign(ColumnTextAlign.END).setKey("throughput");
        grid.addComponentColumn(this::trend).setHeader("Trend").setKey("trend");
        grid.addColumn(summary -> summary.requests() == 0 ? "–" : Formats.percent(summary.errorRate())).setHeader("Error rate")
                .setComparator(Comparator.comparingDouble(ServiceSummary::errorRate)).setTextAlign(ColumnTextAlign.END).setKey("errorRate");
        // p50 and p95 are on each service's page; the overview keeps to what ranks services.
        grid.addColumn(summary -> Formats.millis(summary.p99Ms())).setHeader("p99")
                .setComparator(latency(ServiceSummary::p99Ms)).setTextAlign(ColumnTextAlign.END).setKey("p99");
        grid.addColumn(summary -> summary.capacity().instances() == null ? "–" : summary.capacity().instances().toString())
                .setHeader("Instances").setComparator(capacity(c -> c.instances() == null ? null : c.instances().doubleValue()))
                .setTextAlign(ColumnTextAlign.END).setKey("instances");
        grid.addColumn(summary -> Formats.money(summary.capacity().costPerHour())).setHeader("Cost / hour")
                .setComparator(capacity(Capacity::costPerHour)).setTextAlign(ColumnTextAlign.END).setKey("costPerHour");
        grid.addColumn(summary -> Formats.money(summary.capacity().costPer1kRequests())).setHeader("Cost / 1k req")
                .setComparator(capacity(Capacity::costPer1kRequests)).setTextAlign(ColumnTextAlign.END).setKey("costPer1k");
        grid.addColumn(summary -> Formats.ago(summary.lastSeen(), clock.instant())).setHeader("Last seen")
                .setComparator(ServiceSummary::lastSeen).setTextAlign(ColumnTextAlign.END).setKey("lastSeen");
        grid.getColumns().forEach(column -> column.setSortable(true).setResizable(true));
        grid.getColumnByKey("trend").setSortable(false);
        // Numbers keep a fixed width, wide enough for their longest form; the service name takes what is left.
        Map.of("trend", "7.5rem", "health", "6.5rem", "throughput", "8.5rem", "errorRate", "7.5rem", "p99", "6.5rem", "instances", "7.5rem",
                "costPerHour", "8rem", "costPer1k", "9rem", "lastSeen", "7.5rem")
                .forEach((key, width) -> grid.getColumnByKey(key).setWidth(width).setFlexGrow(0));
        grid.getColumnByKey("service").setWidth("8rem").setFlexGrow(1);
    }

    private Component health(ServiceSummary summary) {
        SloStatus status = latest.health().get(summary.service());
        if (status == null) {
            var none = new Span("no SLO");
            none.addClassNames(LumoUtility.TextColor.TERTIARY, LumoUtility.FontSize.SMALL);
            return none;
        }
        Span badge = Health.badge(status.alert());
        badge.getElement().setAttribute("title", status.objectives().stream()
                .map(objective -> SloPanel.describe(objective, status.slo().windowDays())).collect(Collectors.joining("\n")));
        return badge;
    }

    private Component trend(ServiceSummary summary) {
        Double[] rates = latest.trends().getOrDefault(summary.service(), new Double[0]);
        double peak = 0;
        for (Double rate : rates) {
            peak = rate == null ? peak : Math.max(peak, rate);
        }
        return new Sparkline(rates, "Throughput over the range, peak " + Formats.rate(peak));
    }

    private AlertLevel level(String service) {
        SloStatus status = latest.health().get(service);
        return status == null ? null : status.alert();
    }

    private static Comparator<ServiceSummary> capacity(java.util.function.Function<Capacity, Double> value) {
        return Comparator.comparing(summary -> value.apply(summary.capacity()), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static Comparator<ServiceSummary> latency(java.util.function.Function<ServiceSummary, Double> value) {
        return Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private void show(Overview overview) {
        latest = overview;
        List<ServiceSummary> summaries = overview.summaries();
        String needle = filter.getValue() == null ? "" : filter.getValue().trim().toLowerCase(Locale.ROOT);
        List<ServiceSummary> shown = needle.isEmpty() ? summaries
                : summaries.stream().filter(s -> s.service().toLowerCase(Locale.ROOT).contains(needle)).toList();
        grid.setItems(shown);
        empty.setVisible(summaries.isEmpty());
        Instant now = clock.instant();
        Duration period = refresh.period();
        updated.setText("Updated " + CLOCK.format(now) + " UTC" + (period == null ? "" : " · live every " + TimeRange.shortSpan(period)));
    }
}
