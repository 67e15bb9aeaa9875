package io.headroom.kpi.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.kpi.Annotation;
import io.headroom.kpi.ApdexThresholds;
import io.headroom.kpi.ForecastSource;
import io.headroom.kpi.Annotations;
import io.headroom.kpi.OperationSummary;
import io.headroom.kpi.SaturationSeries;
import io.headroom.kpi.ScalingEfficiency;
import io.headroom.kpi.ServiceSaturation;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServicePrices;
import io.headroom.kpi.Slos;
import io.headroom.kpi.ServiceSeries;
import io.headroom.kpi.ServiceSummary;
import io.headroom.ui.Figure;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.ServiceActions;
import io.headroom.ui.MainLayout;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;
import io.headroom.ui.TimeSeriesChart;

/** One service: its headline KPIs and their charts on one time axis, kept live by push. */
@PermitAll
@Route(value = "services", layout = MainLayout.class)
public class ServiceView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofHours(1));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private record Snapshot(TimeRange range, Instant end, Optional<ServiceSummary> summary, Optional<ServiceSeries> series,
            List<Annotation> annotations, Optional<ScalingEfficiency> scaling, Optional<List<OperationSummary>> operations,
            Optional<SaturationSeries> saturation, Optional<ForecastSource.ThroughputForecast> forecast) {
    }

    private static final Map<String, String> EVENT_COLORS = Map.of("scale", "#8e4ec6", "autoscale", "#8e4ec6", "fault", "#e5484d", "deploy", "#46a758",
            "alert", "#f76b15");

    private final ServiceKpis kpis;
    private final ServiceSaturation saturation;
    private final Clock clock;
    private final List<ServiceActions> actionProviders;
    private final List<ForecastSource> forecasts;
    private final H2 title = new H2();
    private final HorizontalLayout actions = new HorizontalLayout();
    private final HorizontalLayout headline = new HorizontalLayout();
    private final TimeSeriesChart throughput = new TimeSeriesChart("Throughput", "req/s");
    private final TimeSeriesChart errors = new TimeSeriesChart("Error rate", "%");
    private final TimeSeriesChart latency = new TimeSeriesChart("Latency", "ms");
    private final TimeSeriesChart utilisation = new TimeSeriesChart("Saturation", "%");
    private final TimeSeriesChart inProgress = new TimeSeriesChart("Requests in progress", "requests");
    private final TimeSeriesChart cpu = new TimeSeriesChart("CPU", "cores");
    private final TimeSeriesChart instances = new TimeSeriesChart("Instances", "instances");
    private final TimeSeriesChart cost = new TimeSeriesChart("Cost per hour", "per hour");
    private final ServicePrices prices;
    private final ApdexThresholds apdex;
    private final Slos slos;
    private final AuthenticationContext authentication;
    private final LiveRefresh live;
    private final LiveRefresh.Handle refresh;
    private final TimeControls timeControls;
    private final Div sloArea = new Div();
    private final Annotations annotations;
    private final Div events = new Div();
    private final ScalingEfficiencyPanel scaling = new ScalingEfficiencyPanel();
    private final OperationsGrid operations = new OperationsGrid();
    private volatile String service = "";
    private volatile TimeRange range = DEFAULT_RANGE;

    public ServiceView(ServiceKpis kpis, ServiceSaturation saturation, ServicePrices prices, ApdexThresholds apdex, Slos slos,
            Annotations annotations, LiveRefresh live, Clock clock, List<ServiceActions> actionProviders,
            List<ForecastSource> forecasts, AuthenticationContext authentication) {
        this.forecasts = forecasts;
        this.authentication = authentication;
        this.kpis = kpis;
        this.apdex = apdex;
        this.saturation = saturation;
        this.annotations = annotations;
        this.prices = prices;
        this.slos = slos;
        this.live = live;
        this.clock = clock;
        this.actionProviders = actionProviders.stream().sorted(Comparator.comparingInt(ServiceActions::order)).toList();
        setWidthFull();

        timeControls = new TimeControls(clock, this::navigate);
        var back = new RouterLink("← All services", ServicesView.class);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        actions.setWrap(true);
        var top = new HorizontalLayout(title, timeControls);
        top.setWrap(true);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        headline.addClassName("headroom-headline");
        headline.setSpacing(true);
        headline.setWrap(true);

        for (TimeSeriesChart chart : charts()) {
            chart.setWidthFull();
            chart.addRangeSelectListener(this::zoomIn);
            // A mark with a link (an autoscaler's change) opens it: "why did it scale?" in one click.
            chart.addMarkerClickListener(click -> getUI().ifPresent(ui -> ui.navigate(click.link())));
        }
        latency.getElement().setAttribute("data-chart", "latency");
        errors.getElement().setAttribute("data-chart", "errors");
        latency.addPointClickListener("Click a point for that step's slowest traces",
                click -> openTraces(click.time(), Map.of("sort", "duration")));
        errors.addPointClickListener("Click a point for that step's failed traces",
                click -> openTraces(click.time(), Map.of("status", "error")));
        sloArea.setWidthFull();
        events.getElement().setAttribute("data-events", "");
        add(back, top, actions, headline, sloArea, throughput, errors, latency, utilisation, inProgress, cpu, instances, cost,
                new H4("Operations"), operations, scaling,
                new H4("Events"), events);
        refresh = live.whileAttached(this, TimeControls.Choice.DEFAULT_REFRESH, this::load, this::show);
    }

    /** The range and refresh live in the URL (a link reproduces the view); a change navigates, and {@link #setParameter} applies it. */
    private void navigate(TimeControls.Choice choice) {
        getUI().ifPresent(ui -> ui.navigate(ServiceView.class, service, choice.query()));
    }

    /**
     * Trace search for this service over the chart step that starts at {@code stepStart}. By route
     * name: the traces view belongs to {@code explore}, which depends on this module, not the reverse.
     */
    private void openTraces(Instant stepStart, Map<String, String> filters) {
        var query = new java.util.LinkedHashMap<String, String>();
        query.put("service", service);
        query.put("from", String.valueOf(stepStart.toEpochMilli()));
        query.put("to", String.valueOf(stepStart.plus(range.step()).toEpochMilli()));
        query.putAll(filters);
        getUI().ifPresent(ui -> ui.navigate("traces", QueryParameters.simple(query)));
    }

    private void zoomIn(TimeSeriesChart.RangeSelectEvent zoom) {
        navigate(new TimeControls.Choice(TimeRange.between(zoom.from(), zoom.to()), refresh.period()));
    }

    @Override
    public void setParameter(BeforeEvent event, String service) {
        var choice = TimeControls.Choice.fromQuery(event.getLocation().getQueryParameters(), DEFAULT_RANGE);
        range = choice.range();
        timeControls.show(choice);
        if (!service.equals(this.service)) {
            this.service = service;
            title.setText(service);
            actions.removeAll();
            actionProviders.forEach(provider -> provider.actionsFor(service).ifPresent(actions::add));
            // Prices, Apdex T and objectives are settings: shown to everyone, changed by administrators.
            boolean admin = authentication.hasRole("ADMIN");
            actions.add(new PriceControl(service, prices, live, admin));
            if (admin) {
                actions.add(new ApdexControl(service, apdex, refresh::now));
            }
            sloArea.removeAll();
            sloArea.add(new SloPanel(service, slos, live, admin));
        }
        refresh.setPeriod(choice.refresh());
    }

    private List<TimeSeriesChart> charts() {
        return List.of(throughput, errors, latency, utilisation, inProgress, cpu, instances, cost);
    }

    @Override
    public String getPageTitle() {
        return service + " · Headroom";
    }

    private Snapshot load() {
        TimeRange shown = range;
        Instant now = clock.instant();
        Instant from = shown.start(now);
        Instant to = shown.end(now);
        return new Snapshot(shown, to, kpis.summary(service, from, to), kpis.series(service, from, to, shown.step()),
                annotations.of(service, from, to), kpis.scalingEfficiency(service, from, to),
                kpis.operations(service, from, to), saturation.series(service, from, to, shown.step()),
                // A forecast looks ahead of now: it goes with a live window, not a past one.
                shown.relative() ? forecasts.stream().map(f -> f.forecast(service)).flatMap(Optional::stream).findFirst()
                        : Optional.empty());
    }

    private void show(Snapshot snapshot) {
        showEvents(snapshot.annotations());
        headline.removeAll();
        if (snapshot.summary().isEmpty()) {
            headline.add(new Span("No telemetry from a service named \"" + service + "\" yet."));
            return;
        }
        ServiceSummary summary = snapshot.summary().get();
        headline.add(
                new Figure("Throughput", Formats.rate(summary.throughput())),
                new Figure("Error rate", summary.requests() == 0 ? "–" : Formats.percent(summary.errorRate())),
                new Figure("p50", Formats.millis(summary.p50Ms())),
                new Figure("p95", Formats.millis(summary.p95Ms())),
                new Figure("p99", Formats.millis(summary.p99Ms())),
                new Figure("Apdex (T " + Formats.millis(summary.apdexThresholdMs()) + ")",
                        summary.apdex() == null ? "–" : "%.2f".formatted(summary.apdex())),
                new Figure("Instances", summary.capacity().instances() == null ? "–" : summary.capacity().instances().toString()),
                new Figure("Cost / hour", Formats.money(summary.capacity().costPerHour())),
                new Figure("Cost / 1k requests", Formats.money(summary.capacity().costPer1kRequests())),
                new Figure("Last seen", Formats.ago(summary.lastSeen(), clock.instant())));
        scaling.show(snapshot.scaling());
        operations.setItems(snapshot.operations().orElse(List.of()));
        snapshot.series().ifPresent(series -> {
            Long start = snapshot.range().start(snapshot.end()).getEpochSecond();
            Long end = snapshot.end().getEpochSecond();
            showThroughput(series, start, end, snapshot.forecast().orElse(null));
            errors.setData(series.timestamps(), start, end, List.of(new TimeSeriesChart.Line("errors", "#e5484d", percent(series.errorRate()))));
            latency.setData(series.timestamps(), start, end, List.of(
                    new TimeSeriesChart.Line("p50", "#46a758", series.p50Ms()),
                    new TimeSeriesChart.Line("p95", "#f5a623", series.p95Ms()),
                    new TimeSeriesChart.Line("p99", "#e5484d", series.p99Ms())));
            cost.setData(series.timestamps(), start, end, List.of(new TimeSeriesChart.Line("cost / hour", "#f5a623", series.costPerHour())));
            var instanceLines = new ArrayList<TimeSeriesChart.Line>();
            instanceLines.add(new TimeSeriesChart.Line("instances", "#8e4ec6", series.instances()));
            snapshot.saturation().filter(reported -> hasValues(reported.instancesUp())).ifPresent(reported ->
                    instanceLines.add(new TimeSeriesChart.Line("up (from metrics)", "#46a758", reported.instancesUp())));
            instances.setData(series.timestamps(), start, end, instanceLines);
            snapshot.saturation().ifPresent(reported -> showSaturation(reported, start, end));
        });
    }

    /**
     * Throughput, and with a forecast the next hour too: the axis runs on at the chart's step to
     * the forecast's end, the forecast filling the steps after now.
     */
    private void showThroughput(ServiceSeries series, Long start, Long end, ForecastSource.ThroughputForecast forecast) {
        if (forecast == null || forecast.timestamps().length == 0) {
            throughput.setData(series.timestamps(), start, end, List.of(throughputLine(series.throughput())));
            return;
        }
        long step = series.step().toSeconds();
        long[] past = series.timestamps();
        long forecastEnd = forecast.timestamps()[forecast.timestamps().length - 1] + forecast.stepSeconds();
        long next = past.length == 0 ? end : past[past.length - 1] + step;
        int future = (int) Math.max(0, (forecastEnd - next + step - 1) / step);
        long[] times = Arrays.copyOf(past, past.length + future);
        Double[] measured = Arrays.copyOf(series.throughput(), times.length);
        Double[] expected = new Double[times.length];
        Double[] low = new Double[times.length];
        Double[] high = new Double[times.length];
        for (int i = past.length; i < times.length; i++) {
            times[i] = next + (i - past.length) * step;
        }
        // From the last measured step on, so the forecast joins the line where the measurements end.
        for (int i = Math.max(0, past.length - 1); i < times.length; i++) {
            int at = forecast.index(Math.max(times[i], forecast.timestamps()[0]));
            if (at >= 0 && !Double.isNaN(forecast.expected()[at])) {
                expected[i] = forecast.expected()[at];
                low[i] = forecast.low()[at];
                high[i] = forecast.high()[at];
            }
        }
        throughput.setData(times, start, Math.max(end, forecastEnd), List.of(throughputLine(measured)),
                new TimeSeriesChart.Band("forecast", "#8e4ec6", expected, low, high));
    }

    private static TimeSeriesChart.Line throughputLine(Double[] values) {
        return new TimeSeriesChart.Line("requests/s", "#3d9df2", values);
    }

    /** Each saturation chart shows only when the service reports its metrics: most services report some, few all. */
    private void showSaturation(SaturationSeries reported, Long start, Long end) {
        long[] timestamps = reported.timestamps();
        utilisation.setVisible(hasValues(reported.workerUtilisation()));
        utilisation.setData(timestamps, start, end, List.of(
                new TimeSeriesChart.Line("workers busy", "#e5484d", percent(reported.workerUtilisation()))));
        inProgress.setVisible(hasValues(reported.inFlight()) || hasValues(reported.queued()));
        inProgress.setData(timestamps, start, end, List.of(
                new TimeSeriesChart.Line("in flight", "#3d9df2", reported.inFlight()),
                new TimeSeriesChart.Line("queued", "#f5a623", reported.queued())));
        cpu.setVisible(hasValues(reported.cpuCores()));
        cpu.setData(timestamps, start, end, List.of(new TimeSeriesChart.Line("cpu", "#8e4ec6", reported.cpuCores())));
    }

    private static boolean hasValues(Double[] values) {
        for (Double value : values) {
            if (value != null) {
                return true;
            }
        }
        return false;
    }

    private void showEvents(List<Annotation> happened) {
        List<TimeSeriesChart.Marker> markers = happened.stream().map(event -> new TimeSeriesChart.Marker(event.at().getEpochSecond(),
                event.end() == null ? null : event.end().getEpochSecond(), event.kind().equals("fault") && event.end() == null,
                EVENT_COLORS.getOrDefault(event.kind(), "#888888"), event.text(), event.link())).toList();
        for (TimeSeriesChart chart : charts()) {
            chart.setMarkers(markers);
        }
        events.removeAll();
        if (happened.isEmpty()) {
            events.add(new Span("No scaling, faults, deploys or alerts in this window."));
        }
        for (int i = happened.size() - 1; i >= 0; i--) {
            Annotation event = happened.get(i);
            var line = new Div(new Span(TIME.format(event.at()) + " UTC · " + event.text()
                    + (event.end() == null ? "" : " · until " + TIME.format(event.end()))));
            if (event.link() != null) {
                line.add(new Text(" · "), new Anchor(event.link(), "why?"));
            }
            line.getElement().setAttribute("data-event", event.kind());
            events.add(line);
        }
    }

    private static Double[] percent(Double[] fractions) {
        Double[] percent = new Double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            percent[i] = fractions[i] == null ? null : fractions[i] * 100;
        }
        return percent;
    }
}
