package io.headroom.explore.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.explore.Logs;
import io.headroom.explore.TraceDetail;
import io.headroom.explore.TraceSummary;
import io.headroom.explore.TraceTree;
import io.headroom.explore.TraceTree.Node;
import io.headroom.explore.ui.WaterfallRow.LogStep;
import io.headroom.explore.ui.WaterfallRow.SpanStep;
import io.headroom.explore.Traces;
import io.headroom.store.LogQueries.LogLine;
import io.headroom.store.SpanRow;
import io.headroom.store.StoredResource;
import io.headroom.ui.Formats;
import io.headroom.ui.MainLayout;

/**
 * One trace as a waterfall: every span under its parent with a bar at its time, coloured by
 * service, the critical path drawn solid and the rest faded, orphans (parent never arrived) at
 * the end; the trace's log records inline, each under the span it was written in, at its time; a
 * selected row's details as text. The tree grid renders only the rows in view, so a trace of ten
 * thousand spans stays responsive.
 */
@PermitAll
@Route(value = "trace", layout = MainLayout.class)
@PageTitle("Trace · Headroom")
public class TraceView extends VerticalLayout implements HasUrlParameter<String> {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] PALETTE = {"#3d9df2", "#8e6cd9", "#2fb58b", "#e07b00", "#d6457a", "#7fb800", "#00a3bf", "#c9a227"};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Traces traces;
    private final H2 title = new H2();
    private final Paragraph summary = new Paragraph();
    private final TreeGrid<WaterfallRow> waterfall = new TreeGrid<>();
    private final VerticalLayout details = new VerticalLayout();
    private TraceDetail shown;

    public TraceView(Traces traces) {
        this.traces = traces;
        setWidthFull();
        summary.addClassNames(LumoUtility.TextColor.SECONDARY);
        summary.getElement().setAttribute("data-trace-summary", "");
        waterfall.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        waterfall.setWidthFull();
        waterfall.setHeight("28rem");
        waterfall.getElement().setAttribute("data-waterfall", "");
        // Not sortable: the waterfall's order is the trace's own (parents, then time).
        waterfall.addHierarchyColumn(TraceView::label).setHeader("Span").setWidth("22rem").setFlexGrow(0).setResizable(true)
                .setSortable(false).setTooltipGenerator(TraceView::label);
        waterfall.addComponentColumn(this::bar).setHeader("Timeline").setFlexGrow(1);
        waterfall.addColumn(row -> row instanceof SpanStep step ? Formats.millis(step.node().span().durationNanos() / 1e6) : "")
                .setHeader("Duration").setWidth("7rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        waterfall.setPartNameGenerator(row -> row instanceof LogStep ? "log-row" : null);
        waterfall.asSingleSelect().addValueChangeListener(event -> showDetails(event.getValue()));
        details.setPadding(false);
        details.setSpacing(false);
        details.getElement().setAttribute("data-span-details", "");
        add(title, summary, waterfall, details);
    }

    @Override
    public void setParameter(BeforeEvent event, String traceId) {
        Optional<TraceDetail> found = traceId.matches("[0-9a-fA-F]{32}")
                ? traces.detail(HEX.parseHex(traceId.toLowerCase(Locale.ROOT))) : Optional.empty();
        if (found.isEmpty()) {
            title.setText("Trace " + traceId);
            summary.setText(traceId.matches("[0-9a-fA-F]{32}") ? "No span of this trace is stored (it may have expired)."
                    : "A trace id is 32 hexadecimal digits.");
            waterfall.setVisible(false);
            return;
        }
        shown = found.get();
        TraceSummary trace = shown.summary();
        title.setText(trace.rootService() + ": " + trace.rootOperation());
        int records = shown.logs().size();
        summary.setText(TIME.format(trace.start()) + " UTC · " + Formats.millis(trace.durationMs()) + " · "
                + Formats.count(trace.spans(), "span") + " · " + Formats.count(trace.services().size(), "service") + " · "
                + Formats.count(trace.errors(), "error") + " · " + Formats.count(records, "log record") + " · trace " + trace.traceId());
        List<WaterfallRow> roots = WaterfallRow.of(shown.tree(), shown.logs());
        waterfall.setItems(roots, WaterfallRow::children);
        waterfall.expandRecursively(roots, Integer.MAX_VALUE);
        // A short trace is shown whole; a long one scrolls inside the grid, which renders only the rows in view.
        if (trace.spans() + records <= 25) {
            waterfall.setHeight(null);
            waterfall.setAllRowsVisible(true);
        }
        summary.add(new Span(" · "), logSearch());
    }

    /** The trace's records in the Logs view, over the trace's time and a margin either side. */
    private RouterLink logSearch() {
        TraceSummary trace = shown.summary();
        var link = new RouterLink("Search these logs", LogsView.class);
        link.setQueryParameters(QueryParameters.simple(Map.of("traceId", trace.traceId(), "from",
                String.valueOf(trace.start().minusSeconds(300).toEpochMilli()), "to",
                String.valueOf(trace.start().plusMillis((long) trace.durationMs()).plusSeconds(300).toEpochMilli()))));
        return link;
    }

    private static String label(WaterfallRow row) {
        if (row instanceof SpanStep step) {
            return step.node().span().origin().serviceName() + " · " + step.node().span().name()
                    + (step.node().orphan() ? " (parent missing)" : "");
        }
        LogLine line = ((LogStep) row).line();
        return Logs.band(line.severityNumber()).toUpperCase(Locale.ROOT) + " · " + oneLine(line.body());
    }

    /** A body's first line, cut short: the whole body is in the details below the waterfall. */
    private static String oneLine(String body) {
        if (body == null) {
            return "";
        }
        int newline = body.indexOf('\n');
        String line = newline < 0 ? body : body.substring(0, newline) + " …";
        return line.length() > 200 ? line.substring(0, 200) + " …" : line;
    }

    private Component bar(WaterfallRow row) {
        return row instanceof SpanStep step ? spanBar(step.node()) : logMark((LogStep) row);
    }

    /** The span's bar: its place and length on the trace's time line; solid on the critical path. */
    private Component spanBar(Node node) {
        TraceTree tree = shown.tree();
        double total = Math.max(1, tree.endNanos() - tree.startNanos());
        double left = (node.span().startEpochNanos() - tree.startNanos()) / total * 100;
        double width = Math.max(0.3, node.span().durationNanos() / total * 100);
        left = Math.min(left, 100 - width); // a span too short to see at the very end still shows
        var bar = new Div();
        boolean critical = tree.onCriticalPath(node);
        bar.getStyle().set("position", "absolute").set("left", left + "%").set("width", width + "%")
                .set("top", "25%").set("height", "50%").set("border-radius", "2px")
                .set("background-color", colour(node.span().origin().serviceName()))
                .set("opacity", critical ? "1" : "0.45");
        if (node.span().status().isError()) {
            bar.getStyle().set("outline", "2px solid #e5484d");
        }
        bar.getElement().setAttribute("title", node.span().name() + ": " + Formats.millis(node.span().durationNanos() / 1e6)
                + " from +" + Formats.millis((node.span().startEpochNanos() - tree.startNanos()) / 1e6)
                + (critical ? " · on the critical path" : ""));
        if (critical) {
            bar.getElement().setAttribute("data-critical", "");
        }
        var lane = new Div(bar);
        lane.getStyle().set("position", "relative").set("width", "100%").set("height", "1.4rem");
        return lane;
    }

    /** A record's mark: a short upright line at its time, in its severity's colour. */
    private Component logMark(LogStep log) {
        TraceTree tree = shown.tree();
        double total = Math.max(1, tree.endNanos() - tree.startNanos());
        double left = Math.max(0, Math.min(99.6, (log.atNanos() - tree.startNanos()) / total * 100));
        var mark = new Div();
        mark.getStyle().set("position", "absolute").set("left", left + "%").set("width", "3px").set("top", "10%").set("height", "80%")
                .set("background-color", severityColour(log.line().severityNumber()));
        mark.getElement().setAttribute("title", Logs.band(log.line().severityNumber()) + " at " + offset(log.line().time()));
        mark.getElement().setAttribute("data-log-mark", "");
        var lane = new Div(mark);
        lane.getStyle().set("position", "relative").set("width", "100%").set("height", "1.4rem");
        return lane;
    }

    private static String severityColour(int severityNumber) {
        return severityNumber >= 17 ? "#e5484d" : severityNumber >= 13 ? "#e07b00" : "#8b8d98";
    }

    private static String colour(String service) {
        return PALETTE[Math.floorMod(service.hashCode(), PALETTE.length)];
    }

    private String offset(Instant time) {
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano() - shown.tree().startNanos();
        return (nanos < 0 ? "−" : "+") + Formats.millis(Math.abs(nanos) / 1e6);
    }

    /** The selected row as text: whatever its attributes or body hold is shown as characters, never as markup. */
    private void showDetails(WaterfallRow row) {
        details.removeAll();
        if (row instanceof SpanStep step) {
            showSpan(step.node());
        } else if (row instanceof LogStep log) {
            showLog(log.line());
        }
    }

    private void showLog(LogLine line) {
        details.add(new H4(line.service() + " · " + (line.severityText() == null || line.severityText().isEmpty()
                ? Logs.band(line.severityNumber()) : line.severityText()) + " log record"));
        var about = new Paragraph(TIME.format(line.time()) + " UTC · " + offset(line.time()) + " into the trace"
                + (line.spanId() == null ? "" : " · span " + HEX.formatHex(line.spanId())) + " · ");
        about.add(logSearch());
        details.add(about);
        var body = new Pre(line.body() == null ? "" : line.body());
        body.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Margin.Vertical.XSMALL);
        body.getElement().setAttribute("data-section", "Body");
        details.add(new Div(new Span("Body"), body));
        details.add(section("Attributes", line.attributesJson()));
    }

    private void showSpan(Node node) {
        SpanRow span = node.span();
        StoredResource resource = shown.trace().resources().get(span.origin().resourceId());
        details.add(new H4(span.origin().serviceName() + " · " + span.name()));
        details.add(new Paragraph("span " + HEX.formatHex(span.spanId())
                + (span.parentSpanId() == null ? " · root" : " · parent " + HEX.formatHex(span.parentSpanId()))
                + " · " + kind(span.kind()) + " · starts +" + Formats.millis((span.startEpochNanos() - shown.tree().startNanos()) / 1e6)
                + " · lasts " + Formats.millis(span.durationNanos() / 1e6)
                + " · status " + (span.status().isError() ? "error" : span.status().code() == 1 ? "ok" : "unset")
                + (span.status().message() == null || span.status().message().isEmpty() ? "" : " (" + span.status().message() + ")")));
        details.add(section("Attributes", span.attributesJson()));
        details.add(section("Events", span.eventsJson()));
        details.add(section("Resource", resource == null ? "{}" : resource.attributesJson()));
    }

    private static String kind(int kind) {
        return switch (kind) {
            case 1 -> "internal";
            case 2 -> "server";
            case 3 -> "client";
            case 4 -> "producer";
            case 5 -> "consumer";
            default -> "kind unspecified";
        };
    }

    private static Component section(String name, String json) {
        var text = new Pre(pretty(json));
        text.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Margin.Vertical.XSMALL);
        text.getElement().setAttribute("data-section", name);
        return new Div(new Span(name), text);
    }

    private static String pretty(String json) {
        try {
            JsonNode node = JSON.readTree(json == null ? "{}" : json);
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            return json;
        }
    }
}
