package io.headroom.kpi.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
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
import io.headroom.kpi.ServiceTrends;
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
@PermitAll
@Route(value = "services", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Services · Headroom")
@Menu(title = "Services", order = 0)
public class ServicesView extends VerticalLayout implements BeforeEnterObserver {

    private static final int TREND_POINTS = 30;
    /** Longer than any scrape or export interval: past it, a service is shown as silent. */
    private static final Duration SILENT_AFTER = Duration.ofMinutes(2);
    private static final String THROUGHPUT_COLOUR = "#3d9df2";
    private static final String P99_COLOUR = "#e07b00";
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

    /** One refresh's data: the KPIs, the SLO status of the services that have one, and each service's throughput and p99 over the range. */
    private record Overview(List<ServiceSummary> summaries, Map<String, SloStatus> health, Map<String, ServiceTrends.Trend> trends) {
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
                    kpis.trends(shown.start(now), shown.end(now), TREND_POINTS).services());
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
        grid.addComponentColumn(this::service).setHeader("Service").setComparator(ServiceSummary::service).setKey("service");
        grid.addComponentColumn(this::health).setHeader("Health")
                .setComparator(Comparator.comparing((ServiceSummary summary) -> level(summary.service()),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setKey("health");
        grid.addComponentColumn(summary -> withTrend(Formats.rate(summary.throughput()), summary, ServiceTrends.Trend::throughput,
                        "Throughput", Formats::rate, THROUGHPUT_COLOUR))
                .setHeader("Throughput").setComparator(Comparator.comparingDouble(ServiceSummary::throughput)).setKey("throughput");
        grid.addColumn(summary -> summary.requests() == 0 ? "–" : Formats.percent(summary.errorRate())).setHeader("Error rate")
                .setComparator(Comparator.comparingDouble(ServiceSummary::errorRate)).setTextAlign(ColumnTextAlign.END).setKey("errorRate");
        // p50 and p95 are on each service's page; the overview keeps to what ranks services.
        grid.addComponentColumn(summary -> withTrend(Formats.millis(summary.p99Ms()), summary, ServiceTrends.Trend::p99Ms, "p99",
                        Formats::millis, P99_COLOUR))
                .setHeader("p99").setComparator(latency(ServiceSummary::p99Ms)).setKey("p99");
        grid.addColumn(summary -> summary.capacity().instances() == null ? "–" : summary.capacity().instances().toString())
                .setHeader("Instances").setComparator(capacity(c -> c.instances() == null ? null : c.instances().doubleValue()))
                .setTextAlign(ColumnTextAlign.END).setKey("instances");
        grid.addColumn(summary -> Formats.money(summary.capacity().costPerHour())).setHeader("Cost / hour")
                .setComparator(capacity(Capacity::costPerHour)).setTextAlign(ColumnTextAlign.END).setKey("costPerHour");
        grid.addColumn(summary -> Formats.money(summary.capacity().costPer1kRequests())).setHeader("Cost / 1k req")
                .setComparator(capacity(Capacity::costPer1kRequests)).setTextAlign(ColumnTextAlign.END).setKey("costPer1k");
        grid.getColumns().forEach(column -> column.setSortable(true).setResizable(true));
        // Numbers keep a fixed width, wide enough for their longest form; the service name takes what is left.
        Map.of("health", "6.5rem", "throughput", "10.5rem", "errorRate", "7rem", "p99", "9.5rem", "instances", "7rem",
                "costPerHour", "7.5rem", "costPer1k", "8.5rem")
                .forEach((key, width) -> grid.getColumnByKey(key).setWidth(width).setFlexGrow(0));
        grid.getColumnByKey("service").setWidth("10rem").setFlexGrow(1);
    }

    /**
     * The name, linking to the service's page, and, once it has been silent for a while, since when:
     * a service that stopped sending would otherwise look merely quiet.
     */
    private Component service(ServiceSummary summary) {
        var name = new RouterLink(summary.service(), ServiceView.class, summary.service());
        Instant now = clock.instant();
        String lastSeen = "Last seen " + Formats.ago(summary.lastSeen(), now);
        name.getElement().setAttribute("title", lastSeen);
        if (Duration.between(summary.lastSeen(), now).compareTo(SILENT_AFTER) < 0) {
            return name;
        }
        var silent = new Span("silent, last seen " + Formats.ago(summary.lastSeen(), now));
        silent.addClassNames(LumoUtility.TextColor.WARNING, LumoUtility.FontSize.XSMALL);
        silent.getElement().setAttribute("data-silent", "");
        name.addClassNames(LumoUtility.Overflow.HIDDEN, LumoUtility.TextOverflow.ELLIPSIS);
        var cell = new Div(name, silent);
        cell.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        return cell;
    }

    /** A number with the sparkline of its series over the range before it. */
    private Component withTrend(String text, ServiceSummary summary, Function<ServiceTrends.Trend, Double[]> series, String what,
            Function<Double, String> format, String colour) {
        ServiceTrends.Trend trend = latest.trends().get(summary.service());
        Double[] values = trend == null ? new Double[0] : series.apply(trend);
        double peak = 0;
        for (Double value : values) {
            peak = value == null ? peak : Math.max(peak, value);
        }
        var sparkline = new Sparkline(values, what + " over the range, peak " + format.apply(peak));
        sparkline.getElement().setAttribute("color", colour);
        sparkline.getElement().setAttribute("data-trend", what);
        sparkline.getStyle().set("width", "4.5rem");
        // The number at the end, lined up with the other columns' right-aligned numbers.
        var number = new Span(text);
        number.getElement().setAttribute("data-figure", what);
        var cell = new Div(sparkline, number);
        cell.addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.CENTER, LumoUtility.JustifyContent.BETWEEN,
                LumoUtility.Gap.SMALL);
        return cell;
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
