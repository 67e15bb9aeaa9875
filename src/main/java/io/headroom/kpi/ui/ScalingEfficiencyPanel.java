package io.headroom.kpi.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.kpi.ScalingEfficiency;
import io.headroom.kpi.ScalingEfficiency.Level;
import io.headroom.ui.Formats;
import io.headroom.ui.XyChart;

/** Throughput against instance count beside the ideal linear line, the knee flagged, and the figures per count. */
final class ScalingEfficiencyPanel extends VerticalLayout {

    private final XyChart chart = new XyChart("Throughput by instance count", "instances", "", "req/s");
    private final Paragraph finding = new Paragraph();
    private final Grid<Level> levels = new Grid<>();

    ScalingEfficiencyPanel() {
        setPadding(false);
        setSpacing(false);
        setWidthFull();
        getElement().setAttribute("data-scaling", "");
        chart.setWidthFull();
        finding.addClassNames(LumoUtility.TextColor.SECONDARY);
        finding.getElement().setAttribute("data-scaling-finding", "");
        levels.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        levels.setAllRowsVisible(true);
        levels.setWidth("48rem");
        levels.addColumn(Level::instances).setHeader("Instances").setTextAlign(ColumnTextAlign.END);
        levels.addColumn(level -> Formats.number(level.minutes())).setHeader("Minutes").setTextAlign(ColumnTextAlign.END);
        levels.addColumn(level -> Formats.rate(level.throughput())).setHeader("Throughput").setTextAlign(ColumnTextAlign.END);
        levels.addColumn(level -> Formats.rate(level.throughputPerInstance())).setHeader("Per instance").setTextAlign(ColumnTextAlign.END);
        levels.addColumn(level -> level.efficiency() == null ? "–" : Formats.share(level.efficiency())).setHeader("Of linear")
                .setTextAlign(ColumnTextAlign.END);
        levels.addColumn(level -> Formats.millis(level.p99Ms())).setHeader("p99").setTextAlign(ColumnTextAlign.END);
        add(new H4("Scaling efficiency"), finding, chart, levels);
    }

    void show(Optional<ScalingEfficiency> measured) {
        List<Level> seen = measured.map(ScalingEfficiency::levels).orElse(List.of());
        levels.setItems(seen);
        levels.setVisible(!seen.isEmpty());
        finding.setText(finding(measured.orElse(null)));
        // Without a count there is nothing to plot; the finding says what is missing.
        chart.setVisible(!seen.isEmpty());
        if (seen.isEmpty()) {
            chart.setData(new double[0], List.of(), List.of());
            return;
        }
        // x = 0 first, so the ideal line starts at the origin.
        double[] x = new double[seen.size() + 1];
        Double[] throughput = new Double[x.length];
        Double[] ideal = new Double[x.length];
        ideal[0] = 0.0;
        for (int i = 0; i < seen.size(); i++) {
            x[i + 1] = seen.get(i).instances();
            throughput[i + 1] = seen.get(i).throughput();
            ideal[i + 1] = seen.get(i).idealThroughput();
        }
        List<XyChart.Mark> marks = new ArrayList<>();
        Integer knee = measured.get().knee();
        if (knee != null) {
            marks.add(new XyChart.Mark(knee, "#e5484d", "no gain past " + knee));
        }
        chart.setData(x, List.of(new XyChart.Line("measured", "#3d9df2", throughput, false, true),
                new XyChart.Line("linear from " + seen.get(0).instances(), "#888888", ideal, true, false)), marks);
    }

    private static String finding(ScalingEfficiency measured) {
        if (measured == null || measured.levels().isEmpty()) {
            return "No instance counts recorded for this service in this range: scaling efficiency compares the counts "
                    + "a scale target records (instances only seen through metrics are not compared yet).";
        }
        if (measured.levels().size() == 1) {
            return "Ran at " + measured.levels().get(0).instances() + " instances throughout this range; "
                    + "a second count is needed to compare.";
        }
        if (measured.knee() == null) {
            return "Every added instance helped: at least half the linear throughput gain, or a p99 at least "
                    + Math.round(ScalingEfficiency.P99_GAIN * 100) + " % lower.";
        }
        return "Adding instances past " + measured.knee() + " stopped helping: less than half the linear throughput gain "
                + "and a p99 less than " + Math.round(ScalingEfficiency.P99_GAIN * 100) + " % lower. Throughput is what the traffic "
                + "offered, so a service that was never saturated gains little from more instances.";
    }
}
