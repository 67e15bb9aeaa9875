package io.headroom.ui;

import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/**
 * A chart of values against a number other than time (throughput against instances), drawn by
 * the same browser component as {@link TimeSeriesChart} with a numeric x axis from zero.
 */
@Tag("headroom-timeseries")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./headroom-timeseries.ts")
public class XyChart extends Component implements HasSize {

    /**
     * @param dashed a reference line (an ideal), not a measurement
     * @param points each value marked, for few values that each are a measurement
     */
    public record Line(String label, String color, Double[] values, boolean dashed, boolean points) {
    }

    /** A vertical line at {@code at} on the x axis, labelled. */
    public record Mark(double at, String color, String text) {
    }

    private final String title;
    private final String xLabel;
    private final String xUnit;
    private final String unit;

    public XyChart(String title, String xLabel, String xUnit, String unit) {
        this.title = Objects.requireNonNull(title, "title");
        this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
        this.xUnit = Objects.requireNonNull(xUnit, "xUnit");
        this.unit = Objects.requireNonNull(unit, "unit");
        setData(new double[0], List.of(), List.of());
    }

    /** @param x ascending */
    public void setData(double[] x, List<Line> lines, List<Mark> marks) {
        JsonArray xs = Json.createArray();
        for (int i = 0; i < x.length; i++) {
            xs.set(i, x[i]);
        }
        JsonArray series = Json.createArray();
        JsonArray data = Json.createArray();
        data.set(0, xs);
        for (Line line : lines) {
            if (line.values().length != x.length) {
                throw new IllegalArgumentException("Line '" + line.label() + "' has " + line.values().length + " values for " + x.length + " x values");
            }
            JsonObject meta = Json.createObject();
            meta.put("label", line.label());
            meta.put("color", line.color());
            meta.put("dash", line.dashed());
            meta.put("points", line.points());
            series.set(series.length(), meta);
            data.set(data.length(), TimeSeriesChart.column(line.values()));
        }
        JsonObject axis = Json.createObject();
        axis.put("label", xLabel);
        axis.put("unit", xUnit);
        JsonObject config = Json.createObject();
        config.put("title", title);
        config.put("unit", unit);
        config.put("x", axis);
        config.put("series", series);
        config.put("data", data);
        getElement().setPropertyJson("config", config);

        JsonArray markers = Json.createArray();
        for (Mark mark : marks) {
            JsonObject json = Json.createObject();
            json.put("at", mark.at());
            json.put("open", false);
            json.put("color", mark.color());
            json.put("text", mark.text());
            markers.set(markers.length(), json);
        }
        getElement().setPropertyJson("markers", markers);
    }
}
