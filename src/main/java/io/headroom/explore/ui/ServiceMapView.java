package io.headroom.explore.ui;

import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.explore.ServiceMap;
import io.headroom.explore.ServiceMaps;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;

/**
 * The service map: each service a box coloured by its SLO health with its throughput and error
 * rate, each call an arrow labelled with its rate, error rate and p99; a box opens the service's
 * page. The same edges are listed in a table beneath. Names are telemetry text, so the drawing
 * is built with every text escaped.
 */
@PermitAll
@Route(value = "map", layout = MainLayout.class)
@PageTitle("Service map · Headroom")
@Menu(title = "Service map", order = 8)
public class ServiceMapView extends VerticalLayout implements BeforeEnterObserver {

    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofHours(1));
    private static final int BOX_WIDTH = 170;
    private static final int BOX_HEIGHT = 46;

    private final TimeControls timeControls;
    private final LiveRefresh.Handle refresh;
    private final Div drawing = new Div();
    private final Paragraph empty = new Paragraph("No calls between services in this range yet. Calls are counted a couple of "
            + "minutes after they happen, once every span of the minute has arrived.");
    private final Grid<ServiceMap.Edge> edges = new Grid<>();
    private volatile TimeRange range = DEFAULT_RANGE;

    public ServiceMapView(ServiceMaps maps, LiveRefresh live, Clock clock) {
        setWidthFull();
        timeControls = new TimeControls(clock, choice -> getUI().ifPresent(ui -> ui.navigate(ServiceMapView.class, choice.query())));
        drawing.setWidthFull();
        drawing.getStyle().set("overflow-x", "auto");
        drawing.getElement().setAttribute("data-service-map", "");
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        edges.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        edges.setAllRowsVisible(true);
        edges.addColumn(ServiceMap.Edge::caller).setHeader("Caller").setSortable(true);
        edges.addColumn(ServiceMap.Edge::callee).setHeader("Callee").setSortable(true);
        edges.addColumn(edge -> Formats.rate(edge.callsPerSecond())).setHeader("Calls").setTextAlign(ColumnTextAlign.END)
                .setComparator(ServiceMap.Edge::callsPerSecond);
        edges.addColumn(edge -> Formats.percent(edge.errorRate())).setHeader("Error rate").setTextAlign(ColumnTextAlign.END)
                .setComparator(ServiceMap.Edge::errorRate);
        edges.addColumn(edge -> Formats.millis(edge.p99Ms())).setHeader("p99").setTextAlign(ColumnTextAlign.END);
        edges.getElement().setAttribute("data-service-edges", "");
        add(new H2("Service map"), timeControls, drawing, empty, edges);
        refresh = live.whileAttached(this, TimeControls.Choice.DEFAULT_REFRESH, () -> {
            Instant now = clock.instant();
            TimeRange shown = range;
            return maps.map(shown.start(now), shown.end(now));
        }, this::show);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var choice = TimeControls.Choice.fromQuery(event.getLocation().getQueryParameters(), DEFAULT_RANGE, Duration.ofSeconds(30));
        range = choice.range();
        timeControls.show(choice);
        refresh.setPeriod(choice.refresh());
    }

    private void show(ServiceMap map) {
        drawing.removeAll();
        empty.setVisible(map.edges().isEmpty());
        edges.setItems(map.edges());
        if (!map.nodes().isEmpty()) {
            drawing.add(new Html("<div>" + svg(map) + "</div>"));
        }
    }

    /** The map as SVG; every text from telemetry goes through {@link #escape}. */
    static String svg(ServiceMap map) {
        Map<String, ServiceMap.Node> nodes = new HashMap<>();
        map.nodes().forEach(node -> nodes.put(node.service(), node));
        var svg = new StringBuilder(4096);
        svg.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(map.width()).append("' height='").append(map.height())
                .append("' viewBox='0 0 ").append(map.width()).append(' ').append(map.height()).append("' role='img' aria-label='Service map'>")
                .append("<defs><marker id='arrow' viewBox='0 0 10 10' refX='10' refY='5' markerWidth='7' markerHeight='7' orient='auto'>")
                .append("<path d='M0,0 L10,5 L0,10 z' fill='#9aa5b1'/></marker></defs>");
        for (ServiceMap.Edge edge : map.edges()) {
            ServiceMap.Node from = nodes.get(edge.caller());
            ServiceMap.Node to = nodes.get(edge.callee());
            boolean forward = to.x() > from.x();
            int x1 = from.x() + (forward ? BOX_WIDTH / 2 : 0);
            int y1 = from.y() + (forward ? 0 : BOX_HEIGHT / 2);
            int x2 = to.x() - (forward ? BOX_WIDTH / 2 : 0);
            int y2 = to.y() - (forward ? 0 : BOX_HEIGHT / 2);
            String colour = edge.errorRate() >= 0.05 ? "#e5484d" : edge.errorRate() >= 0.01 ? "#f5a623" : "#9aa5b1";
            svg.append("<g data-edge='").append(escape(edge.caller() + " -> " + edge.callee())).append("'>")
                    .append("<line x1='").append(x1).append("' y1='").append(y1).append("' x2='").append(x2).append("' y2='").append(y2)
                    .append("' stroke='").append(colour).append("' stroke-width='1.6' marker-end='url(#arrow)'/>")
                    .append("<text x='").append((x1 + x2) / 2).append("' y='").append((y1 + y2) / 2 - 6)
                    .append("' text-anchor='middle' font-size='11' fill='#c7d0d9'>")
                    .append(escape(Formats.rate(edge.callsPerSecond()) + " · " + Formats.percent(edge.errorRate()) + " · p99 "
                            + Formats.millis(edge.p99Ms())))
                    .append("</text></g>");
        }
        for (ServiceMap.Node node : map.nodes()) {
            String fill = node.health() == null ? "#2b3a4d" : switch (node.health()) {
                case "PAGE" -> "#6b1f24";
                case "TICKET" -> "#6b4a10";
                default -> "#1f5136";
            };
            svg.append("<a href='services/").append(escape(URLEncoder.encode(node.service(), StandardCharsets.UTF_8).replace("+", "%20")))
                    .append("' data-node='").append(escape(node.service())).append("'>")
                    .append("<rect x='").append(node.x() - BOX_WIDTH / 2).append("' y='").append(node.y() - BOX_HEIGHT / 2)
                    .append("' width='").append(BOX_WIDTH).append("' height='").append(BOX_HEIGHT)
                    .append("' rx='6' fill='").append(fill).append("' stroke='#5b6b7f'/>")
                    .append("<text x='").append(node.x()).append("' y='").append(node.y() - 4)
                    .append("' text-anchor='middle' font-size='13' font-weight='600' fill='#e8edf2'>")
                    .append(escape(shorten(node.service()))).append("<title>").append(escape(node.service())).append("</title></text>")
                    .append("<text x='").append(node.x()).append("' y='").append(node.y() + 13)
                    .append("' text-anchor='middle' font-size='11' fill='#b4bfcc'>")
                    .append(escape(Formats.rate(node.throughput()) + " · " + Formats.percent(node.errorRate())))
                    .append("</text></a>");
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String name) {
        return name.length() <= 22 ? name : name.substring(0, 21) + "…";
    }

    /** XML text and attribute escaping: a service named {@code <script>} is drawn as those characters. */
    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\'' -> escaped.append("&#39;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
