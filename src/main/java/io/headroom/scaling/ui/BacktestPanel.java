package io.headroom.scaling.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.scaling.Backtests;
import io.headroom.ui.Figure;
import io.headroom.ui.Formats;
import io.headroom.ui.TimeSeriesChart;

/**
 * A backtest's outcome beside what really ran: instance-hours and cost, changes, likely p99, the
 * instances and p99 minute by minute on two charts, and the caveats the replay comes with.
 */
final class BacktestPanel extends Div {

    private final H4 title = new H4();
    private final FlexLayout figures = new FlexLayout();
    private final TimeSeriesChart instances = new TimeSeriesChart("Instances", "instances");
    private final TimeSeriesChart p99 = new TimeSeriesChart("p99", "ms");
    private final UnorderedList notes = new UnorderedList();

    BacktestPanel() {
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.addClassNames(LumoUtility.Gap.SMALL);
        instances.setWidthFull();
        p99.setWidthFull();
        notes.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        getElement().setAttribute("data-backtest", "");
        addClassNames(LumoUtility.Margin.Top.MEDIUM);
        add(title, figures, instances, p99, notes);
        setVisible(false);
    }

    void show(Backtests.Report report) {
        Backtests.Summary s = report.summary();
        title.setText("Backtest of " + report.service() + ", " + Formats.count(report.timestamps().length, "minute") + " replayed");
        figures.removeAll();
        figures.add(new Figure("Instance-hours", hours(s.instanceHours()))
                        .withNote(s.recordedInstanceHours() == null ? null : hours(s.recordedInstanceHours()) + " ran"),
                new Figure("Cost", Formats.money(s.cost()))
                        .withNote(s.recordedCost() == null ? null : Formats.money(s.recordedCost()) + " spent"),
                new Figure("Changes", Integer.toString(s.changes())),
                new Figure("Likely p99 (median)", Formats.millis(s.likelyP99MedianMs()))
                        .withNote(s.recordedP99MedianMs() == null ? null : Formats.millis(s.recordedP99MedianMs()) + " measured"),
                new Figure("Likely p99 (worst minute)", Formats.millis(s.likelyP99MaxMs()))
                        .withNote(s.recordedP99MaxMs() == null ? null : Formats.millis(s.recordedP99MaxMs()) + " measured"));
        Long from = report.from().getEpochSecond();
        Long to = report.to().getEpochSecond();
        var instanceLines = new ArrayList<TimeSeriesChart.Line>();
        instanceLines.add(new TimeSeriesChart.Line("with this policy", "#8e4ec6", report.instances()));
        if (report.warmupSeconds() > 0) {
            instanceLines.add(new TimeSeriesChart.Line("of which serving", "#30a46c", report.servingInstances()));
        }
        instanceLines.add(new TimeSeriesChart.Line("ran", "#888888", report.recordedInstances()));
        instances.setData(report.timestamps(), from, to, instanceLines);
        p99.setData(report.timestamps(), from, to, List.of(
                new TimeSeriesChart.Line("likely with this policy", "#e5484d", report.likelyP99Ms()),
                new TimeSeriesChart.Line("measured", "#888888", report.recordedP99Ms())));
        notes.removeAll();
        report.notes().forEach(note -> notes.add(new ListItem(note)));
        setVisible(true);
    }

    private static String hours(double hours) {
        return String.format(Locale.ROOT, hours < 10 ? "%.2f" : "%.1f", hours);
    }
}
