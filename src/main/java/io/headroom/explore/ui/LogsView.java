package io.headroom.explore.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
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
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.explore.Logs;
import io.headroom.store.LogQueries;
import io.headroom.store.LogQueries.LogLine;
import io.headroom.store.LogQueries.LogSearch;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import io.headroom.ui.SearchFields;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;
import io.headroom.ui.UrlFilters;
import io.headroom.ui.TimeSeriesChart;

/**
 * Log search: the filters, the matching records' volume by severity over the range, and the
 * newest records, each shown as text, each with a link to its trace. Everything the view shows
 * is in its URL, so a link reproduces it; live tail re-reads the newest records every two seconds.
 */
@PermitAll
@Route(value = "logs", layout = MainLayout.class)
@PageTitle("Logs · Headroom")
@Menu(title = "Logs", order = 10)
public class LogsView extends VerticalLayout implements BeforeEnterObserver {

    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofHours(1));
    private static final Duration TAIL_PERIOD = Duration.ofSeconds(2);
    private static final int SHOWN = 500;
    private static final int VOLUME_STEPS = 60;
    private static final String ANY_SEVERITY = "any";
    private static final List<String> FILTERS = List.of("service", "severity", "q", "attr", "traceId", "tail");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, String> BAND_COLOURS = Map.of("unspecified", "#9aa5b1", "trace", "#7e57c2", "debug", "#4db6ac",
            "info", "#3d9df2", "warn", "#f5a623", "error", "#e5484d", "fatal", "#b71c1c");

    private final Clock clock;
    private final TimeControls timeControls;
    private final TextField service = new TextField("Service");
    private final Select<String> severity = new Select<>();
    private final TextField words = new TextField("Search");
    private final TextField attribute = new TextField("Attribute");
    private final TextField traceId = new TextField("Trace id");
    private final Checkbox tail = new Checkbox("Live tail");
    private final TimeSeriesChart volume = new TimeSeriesChart("Log records by severity", "records");
    private final Span summary = new Span();
    private final Grid<LogLine> grid = new Grid<>();
    private final LiveRefresh.Handle refresh;
    private TimeControls.Choice choice = new TimeControls.Choice(DEFAULT_RANGE, null);
    private volatile Query query = new Query(DEFAULT_RANGE, null);

    /** What the view searches for, as read from its URL; {@code search} is null when a filter is invalid. */
    private record Query(TimeRange range, Filters search) {
    }

    private record Filters(String service, Integer minSeverity, String text, Map<String, String> attributes, byte[] traceId) {
    }

    private record Found(Logs.Volume volume, List<LogLine> lines, Instant at) {
    }

    public LogsView(Logs logs, LiveRefresh live, Clock clock) {
        this.clock = clock;
        setSizeFull();
        timeControls = new TimeControls(clock, picked -> navigate(picked, filters()));

        severity.setLabel("Severity at least");
        severity.setItems(ANY_SEVERITY, "debug", "info", "warn", "error", "fatal");
        severity.setValue(ANY_SEVERITY);
        words.setPlaceholder("payment -retry \"card declined\"");
        words.setHelperText("all words; \"phrase\"; -word excludes; or");
        attribute.setPlaceholder("key=value key2=\"v 2\"");
        attribute.setHelperText("every pair must match");
        traceId.setPlaceholder("32 hex digits");
        SearchFields.searchOnEnter(this::apply, service, words, attribute, traceId);
        var searchButton = new Button("Search", click -> apply());
        searchButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        tail.getElement().setAttribute("title", "Re-read the newest records every two seconds");
        tail.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                apply();
            }
        });
        var filters = new HorizontalLayout(service, severity, words, attribute, traceId, searchButton, tail);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        volume.setWidthFull();
        summary.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        summary.getElement().setAttribute("data-logs-summary", "");
        configureGrid();
        add(new H2("Logs"), timeControls, filters, volume, summary, grid);

        refresh = live.whileAttached(this, null, () -> {
            Query current = query;
            if (current.search() == null) {
                return null;
            }
            Instant now = clock.instant();
            LogSearch search = new LogSearch(current.range().start(now), current.range().end(now), current.search().service(),
                    current.search().minSeverity(), current.search().text(), current.search().attributes(), current.search().traceId());
            Duration step = Duration.ofSeconds(Math.max(1, (Duration.between(search.from(), search.to()).toSeconds() + VOLUME_STEPS - 1)
                    / VOLUME_STEPS));
            return new Found(logs.volume(search, step), logs.search(search, SHOWN), now);
        }, this::show);
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setMinHeight("20rem");
        grid.addColumn(line -> TIME.format(line.time())).setHeader("Time (UTC)").setWidth("14rem").setFlexGrow(0);
        grid.addColumn(LogLine::service).setHeader("Service").setWidth("9rem").setFlexGrow(0);
        grid.addComponentColumn(line -> severityBadge(line.severityNumber())).setHeader("Severity").setWidth("7rem").setFlexGrow(0);
        // Text columns are written as text: a body holding markup is shown as the characters it is.
        grid.addColumn(line -> line.body() == null ? "" : line.body()).setHeader("Message").setFlexGrow(1)
                .setTooltipGenerator(line -> line.body());
        grid.addComponentColumn(this::traceLink).setHeader("Trace").setWidth("9rem").setFlexGrow(0);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(line -> {
            var attributes = new Pre(line.attributesJson());
            attributes.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Margin.NONE);
            return attributes;
        }));
        grid.getElement().setAttribute("data-logs", "");
    }

    private static Span severityBadge(int severityNumber) {
        String band = Logs.band(severityNumber);
        var badge = new Span(band);
        badge.getElement().setAttribute("theme", switch (band) {
            case "error", "fatal" -> "badge error";
            case "info" -> "badge contrast";
            default -> "badge";
        });
        if (band.equals("warn")) {
            badge.getStyle().set("color", "#f5a623").set("background-color", "rgba(245, 166, 35, 0.16)");
        }
        return badge;
    }

    /** A record's trace, opened in the Trace view; the record's span is among its spans. */
    private Component traceLink(LogLine line) {
        if (line.traceId() == null) {
            return new Span();
        }
        String id = HEX.formatHex(line.traceId());
        var link = new RouterLink(id.substring(0, 8) + "…", TraceView.class, id);
        link.getElement().setAttribute("title", "Open trace " + id);
        link.getElement().setAttribute("data-trace-id", id);
        return link;
    }

    /** Reads the fields, shows what is wrong on the field it concerns, and navigates when all are valid. */
    private void apply() {
        Map<String, String> filters = filters();
        if (parse(filters) != null) {
            navigate(choice, filters);
        }
    }

    private Map<String, String> filters() {
        var filters = new LinkedHashMap<String, String>();
        UrlFilters.putIfSet(filters, "service", service.getValue());
        if (severity.getValue() != null && !severity.getValue().equals(ANY_SEVERITY)) {
            filters.put("severity", severity.getValue());
        }
        UrlFilters.putIfSet(filters, "q", words.getValue());
        UrlFilters.putIfSet(filters, "attr", attribute.getValue());
        UrlFilters.putIfSet(filters, "traceId", traceId.getValue());
        if (tail.getValue()) {
            filters.put("tail", "on");
        }
        return filters;
    }

    private void navigate(TimeControls.Choice picked, Map<String, String> filters) {
        getUI().ifPresent(ui -> ui.navigate(LogsView.class, UrlFilters.query(picked, filters)));
    }

    /** @return null when a field is invalid, each invalid field marked with the reason */
    private Filters parse(Map<String, String> filters) {
        attribute.setInvalid(false);
        traceId.setInvalid(false);
        Map<String, String> attributes = Map.of();
        String attr = filters.get("attr");
        if (attr != null) {
            try {
                attributes = AttributeFilter.parse(attr);
            } catch (IllegalArgumentException e) {
                attribute.setErrorMessage(e.getMessage());
                attribute.setInvalid(true);
                return null;
            }
        }
        byte[] trace = null;
        String id = filters.get("traceId");
        if (id != null) {
            if (!id.matches("[0-9a-fA-F]{32}")) {
                traceId.setErrorMessage("A trace id is 32 hexadecimal digits");
                traceId.setInvalid(true);
                return null;
            }
            trace = HEX.parseHex(id.toLowerCase(Locale.ROOT));
        }
        Integer minSeverity = filters.containsKey("severity") ? Logs.severity(filters.get("severity")) : null;
        return new Filters(filters.get("service"), minSeverity, filters.get("q"), attributes, trace);
    }

    /** The range, refresh and filters come from the URL, so a link reproduces the view. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        choice = TimeControls.Choice.fromQuery(parameters, DEFAULT_RANGE, null);
        timeControls.show(choice);
        Map<String, String> filters = new LinkedHashMap<>(UrlFilters.read(parameters, FILTERS));
        service.setValue(filters.getOrDefault("service", ""));
        String band = filters.getOrDefault("severity", ANY_SEVERITY);
        severity.setValue(List.of("debug", "info", "warn", "error", "fatal").contains(band) ? band : ANY_SEVERITY);
        if (!severity.getValue().equals(band)) {
            filters.remove("severity");
        }
        words.setValue(filters.getOrDefault("q", ""));
        attribute.setValue(filters.getOrDefault("attr", ""));
        traceId.setValue(filters.getOrDefault("traceId", ""));
        tail.setValue(filters.containsKey("tail"));
        // Live tail follows the newest records, so it reads a range that ends now, however the range was chosen.
        TimeRange range = tail.getValue() && !choice.range().relative() ? TimeRange.last(choice.range().length()) : choice.range();
        query = new Query(range, parse(filters));
        refresh.setPeriod(tail.getValue() ? TAIL_PERIOD : choice.refresh());
    }

    private void show(Found found) {
        if (found == null) {
            return;
        }
        Logs.Volume counts = found.volume();
        var lines = new ArrayList<TimeSeriesChart.Line>();
        for (String band : LogQueries.SEVERITY_BANDS) {
            long[] perStep = counts.bands().get(band);
            if (perStep != null) {
                Double[] values = new Double[perStep.length];
                for (int i = 0; i < perStep.length; i++) {
                    values[i] = (double) perStep[i];
                }
                lines.add(new TimeSeriesChart.Line(band, BAND_COLOURS.get(band), values));
            }
        }
        volume.setData(counts.timestamps(), counts.from().getEpochSecond(), counts.to().getEpochSecond(), lines);
        long total = counts.bands().values().stream().flatMapToLong(java.util.Arrays::stream).sum();
        grid.setItems(found.lines());
        summary.setText(total + " records match; the newest " + Math.min(total, found.lines().size()) + " are listed"
                + (tail.getValue() ? " · live tail, updated " + TIME.format(found.at()) : ""));
    }
}
