package io.headroom.kpi.ui;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.headroom.kpi.OperationSummary;
import io.headroom.ui.Formats;

/** A service's operations over the page's range: rate, errors and latency of each, busiest first, sortable. */
final class OperationsGrid extends Grid<OperationSummary> {

    OperationsGrid() {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        setAllRowsVisible(true);
        setWidthFull();
        getElement().setAttribute("data-operations", "");
        addColumn(OperationSummary::operation).setHeader("Operation").setComparator(OperationSummary::operation)
                .setFlexGrow(1).setWidth("12rem").setKey("operation");
        addColumn(OperationSummary::kind).setHeader("Kind").setComparator(OperationSummary::kind).setKey("kind");
        addColumn(operation -> Formats.rate(operation.throughput())).setHeader("Rate")
                .setComparator(Comparator.comparingDouble(OperationSummary::throughput)).setKey("rate");
        addColumn(operation -> operation.errorRate() == null ? "–" : Formats.percent(operation.errorRate())).setHeader("Error rate")
                .setComparator(nullsFirst(OperationSummary::errorRate)).setKey("errorRate");
        addColumn(operation -> Formats.millis(operation.p50Ms())).setHeader("p50").setComparator(nullsFirst(OperationSummary::p50Ms)).setKey("p50");
        addColumn(operation -> Formats.millis(operation.p95Ms())).setHeader("p95").setComparator(nullsFirst(OperationSummary::p95Ms)).setKey("p95");
        addColumn(operation -> Formats.millis(operation.p99Ms())).setHeader("p99").setComparator(nullsFirst(OperationSummary::p99Ms)).setKey("p99");
        addColumn(operation -> Formats.number(operation.spans())).setHeader("Spans")
                .setComparator(Comparator.comparingLong(OperationSummary::spans)).setKey("spans");
        for (String key : List.of("rate", "errorRate", "p50", "p95", "p99", "spans")) {
            getColumnByKey(key).setTextAlign(ColumnTextAlign.END).setWidth("7.5rem").setFlexGrow(0);
        }
        getColumnByKey("kind").setWidth("6.5rem").setFlexGrow(0);
        getColumns().forEach(column -> column.setSortable(true).setResizable(true));
    }

    private static Comparator<OperationSummary> nullsFirst(Function<OperationSummary, Double> value) {
        return Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
