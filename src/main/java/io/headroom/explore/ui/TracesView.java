package io.headroom.explore.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.explore.TraceSummary;
import io.headroom.explore.Traces;
import io.headroom.explore.jaeger.GoDuration;
import io.headroom.store.SpanSearch;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import io.headroom.ui.SearchFields;
import io.headroom.ui.ScatterChart;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;
import io.headroom.ui.UrlFilters;

/**
 * Trace search: traces with a span that matches every filter, the most recent or the slowest
 * first; a row opens the trace. The filters are in the URL, so a link reproduces the search.
 */
@PermitAll
@Route(value = "traces", layout = MainLayout.class)
@PageTitle("Traces · Headroom")
@Menu(title = "Traces", order = 9)
public class TracesView extends VerticalLayout implements BeforeEnterObserver {

    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofHours(1));
    private static final String RECENT = "Most recent";
    private static final String SLOWEST = "Slowest";
    private static final int DEFAULT_LIMIT = 50;
    private static final List<Integer> LIMITS = List.of(20, 50, 100, 200);
    private static final List<String> FILTERS = List.of("service", "operation", "attr", "minDuration", "maxDuration", "status", "sort",
            "limit");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final TimeControls timeControls;
    private final TextField service = new TextField("Service");
    private final TextField operation = new TextField("Operation");
    private final TextField attribute = new TextField("Attribute");
    private final TextField minDuration = new TextField("Min duration");
    private final TextField maxDuration = new TextField("Max duration");
    private final Checkbox errorsOnly = new Checkbox("Errors only");
    private final Select<String> order = new Select<>();
    private final Select<Integer> limit = new Select<>();
    private final Span summary = new Span();
    private final ScatterChart<TraceSummary> scatter = new ScatterChart<>("Duration", "ms",
            List.of(new ScatterChart.Group("Traces", "#3d9df2"), new ScatterChart.Group("With errors", "#e5484d")),
            "Click a dot to open its trace");
    private final Grid<TraceSummary> grid = new Grid<>();
    private final LiveRefresh.Handle refresh;
    private TimeControls.Choice choice = new TimeControls.Choice(DEFAULT_RANGE, null);
    private volatile Criteria criteria;

    /** A search as read from the URL, the range still relative; null fields match everything. */
    private record Criteria(TimeRange range, String service, String operation, List<SpanSearch.TagFilter> tags, Duration min,
            Duration max, boolean errorsOnly, SpanSearch.Order order, int limit) {
    }

    /** What a search found, with the instants it covered (the scatter plot's time axis). */
    private record Found(Instant from, Instant to, int limit, List<TraceSummary> traces) {
    }

    public TracesView(Traces traces, LiveRefresh live, Clock clock) {
        this.clock = clock;
        setSizeFull();
        timeControls = new TimeControls(clock, picked -> navigate(picked, filters()));
        attribute.setPlaceholder("key=value key2=\"v 2\"");
        minDuration.setPlaceholder("300ms");
        maxDuration.setPlaceholder("2s");
        order.setLabel("Order");
        order.setItems(RECENT, SLOWEST);
        order.setValue(RECENT);
        limit.setLabel("Limit");
        limit.setItems(LIMITS);
        limit.setValue(DEFAULT_LIMIT);
        limit.setWidth("6rem");
        SearchFields.searchOnEnter(this::apply, service, operation, attribute, minDuration, maxDuration);
        for (TextField field : List.of(minDuration, maxDuration)) {
            field.setWidth("8rem");
        }
        var search = new Button("Find traces", click -> apply());
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var filters = new HorizontalLayout(service, operation, attribute, minDuration, maxDuration, order, limit, errorsOnly, search);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        summary.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        summary.getElement().setAttribute("data-traces-summary", "");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(trace -> TIME.format(trace.start())).setHeader("Start (UTC)").setWidth("14rem").setFlexGrow(0);
        grid.addColumn(trace -> trace.rootService() + ": " + trace.rootOperation()).setHeader("Root").setFlexGrow(2);
        grid.addColumn(trace -> Formats.millis(trace.durationMs())).setHeader("Duration").setWidth("8rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(TraceSummary::spans).setHeader("Spans").setWidth("6rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(TraceSummary::errors).setHeader("Errors").setWidth("6rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(trace -> String.join(", ", trace.services())).setHeader("Services").setFlexGrow(2);
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.getElement().setAttribute("data-traces", "");
        scatter.setWidthFull();
        scatter.getElement().setProperty("height", 160);
        scatter.getElement().setAttribute("data-traces-scatter", "");
        scatter.addDotClickListener(this::open);
        add(new H2("Traces"), timeControls, filters, scatter, summary, grid);

        refresh = live.whileAttached(this, null, () -> {
            Criteria current = criteria;
            if (current == null) {
                return null;
            }
            Instant now = clock.instant();
            Instant from = current.range().start(now);
            Instant to = current.range().end(now);
            return new Found(from, to, current.limit(), traces.summaries(new SpanSearch(current.service(), current.operation(),
                    current.tags(), from, to, current.min(), current.max(), current.errorsOnly(), current.order(), current.limit())));
        }, this::show);
    }

    private void open(TraceSummary trace) {
        getUI().ifPresent(ui -> ui.navigate(TraceView.class, trace.traceId()));
    }

    private void apply() {
        Map<String, String> filters = filters();
        if (parse(filters) != null) {
            navigate(choice, filters);
        }
    }

    private Map<String, String> filters() {
        var filters = new LinkedHashMap<String, String>();
        UrlFilters.putIfSet(filters, "service", service.getValue());
        UrlFilters.putIfSet(filters, "operation", operation.getValue());
        UrlFilters.putIfSet(filters, "attr", attribute.getValue());
        UrlFilters.putIfSet(filters, "minDuration", minDuration.getValue());
        UrlFilters.putIfSet(filters, "maxDuration", maxDuration.getValue());
        if (errorsOnly.getValue()) {
            filters.put("status", "error");
        }
        if (SLOWEST.equals(order.getValue())) {
            filters.put("sort", "duration");
        }
        if (limit.getValue() != null && limit.getValue() != DEFAULT_LIMIT) {
            filters.put("limit", String.valueOf(limit.getValue()));
        }
        return filters;
    }

    private void navigate(TimeControls.Choice picked, Map<String, String> filters) {
        getUI().ifPresent(ui -> ui.navigate(TracesView.class, UrlFilters.query(picked, filters)));
    }

    /** @return null when a field is invalid, that field marked with the reason */
    private Criteria parse(Map<String, String> filters) {
        for (TextField field : List.of(attribute, minDuration, maxDuration)) {
            field.setInvalid(false);
        }
        var tags = new ArrayList<SpanSearch.TagFilter>();
        String attr = filters.get("attr");
        if (attr != null) {
            try {
                AttributeFilter.parse(attr).forEach((key, value) -> tags.add(SpanSearch.TagFilter.attribute(key, value)));
            } catch (IllegalArgumentException e) {
                return invalid(attribute, e.getMessage());
            }
        }
        Duration min;
        Duration max;
        try {
            min = filters.containsKey("minDuration") ? GoDuration.parse(filters.get("minDuration")) : null;
        } catch (IllegalArgumentException e) {
            return invalid(minDuration, "A duration such as 300ms, 1.5s or 2m");
        }
        try {
            max = filters.containsKey("maxDuration") ? GoDuration.parse(filters.get("maxDuration")) : null;
        } catch (IllegalArgumentException e) {
            return invalid(maxDuration, "A duration such as 300ms, 1.5s or 2m");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            return invalid(maxDuration, "Must not be shorter than the min duration");
        }
        return new Criteria(choice.range(), filters.get("service"), filters.get("operation"), tags, min, max,
                "error".equals(filters.get("status")), "duration".equals(filters.get("sort")) ? SpanSearch.Order.SLOWEST
                        : SpanSearch.Order.RECENT, limit(filters));
    }

    /** One of the offered limits; anything else in a hand-edited link gives the default. */
    private static int limit(Map<String, String> filters) {
        String asked = filters.get("limit");
        return LIMITS.stream().filter(offered -> String.valueOf(offered).equals(asked)).findFirst().orElse(DEFAULT_LIMIT);
    }

    private static Criteria invalid(TextField field, String reason) {
        field.setErrorMessage(reason);
        field.setInvalid(true);
        return null;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        choice = TimeControls.Choice.fromQuery(parameters, DEFAULT_RANGE, null);
        timeControls.show(choice);
        Map<String, String> filters = new LinkedHashMap<>(UrlFilters.read(parameters, FILTERS));
        service.setValue(filters.getOrDefault("service", ""));
        operation.setValue(filters.getOrDefault("operation", ""));
        attribute.setValue(filters.getOrDefault("attr", ""));
        minDuration.setValue(filters.getOrDefault("minDuration", ""));
        maxDuration.setValue(filters.getOrDefault("maxDuration", ""));
        errorsOnly.setValue("error".equals(filters.get("status")));
        order.setValue("duration".equals(filters.get("sort")) ? SLOWEST : RECENT);
        limit.setValue(limit(filters));
        criteria = parse(filters);
        refresh.setPeriod(choice.refresh());
    }

    private void show(Found found) {
        if (found == null) {
            return;
        }
        List<TraceSummary> list = found.traces();
        grid.setItems(list);
        scatter.setDots(list.stream().map(trace -> new ScatterChart.Dot<>(trace.start(), trace.durationMs(), trace.errors() > 0 ? 1 : 0,
                trace)).toList(), found.from(), found.to());
        summary.setText(list.isEmpty() ? "No trace matches in this range."
                : list.size() == 1 ? "1 trace; click it to open it"
                : list.size() + (list.size() == found.limit() ? " traces (the first " + found.limit() + ")" : " traces")
                        + "; click one to open it");
    }
}
