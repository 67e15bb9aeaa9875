package io.headroom.ui;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;

/** A time-series chart drawn in the browser by uPlot (frontend/headroom-timeseries.ts). */
@Tag("headroom-timeseries")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./headroom-timeseries.ts")
public class TimeSeriesChart extends Component implements HasSize {

    /** One series; a null value is a gap in the line, not a zero. */
    public record Line(String label, String color, Double[] values) {
    }

    /**
     * A forecast: the expected line drawn dashed and the band between {@code low} and
     * {@code high} shaded, under {@code label} ("forecast") in the legend.
     */
    public record Band(String label, String color, Double[] expected, Double[] low, Double[] high) {
    }

    /**
     * An event marked on the time axis: a line at {@code atSeconds}, or a band to {@code endSeconds}
     * (to the right edge when {@code open}, for something still going on), labelled with {@code text}.
     *
     * @param link a route that clicking the mark's line opens (see {@link #addMarkerClickListener}), null for none
     */
    public record Marker(long atSeconds, Long endSeconds, boolean open, String color, String text, String link) {
    }

    private final String title;
    private final String unit;
    private String clickHint;

    public TimeSeriesChart(String title, String unit) {
        this.title = Objects.requireNonNull(title, "title");
        this.unit = Objects.requireNonNull(unit, "unit");
        // Until the first data arrives the chart says so, rather than leaving a blank hole in the page.
        setData(new long[0], List.of());
    }

    public void setData(long[] epochSeconds, List<Line> lines) {
        setData(epochSeconds, null, null, lines);
    }

    /**
     * @param startSeconds where the time axis starts, when that is before the first point
     * @param endSeconds where the time axis ends, when that is past the last point: steps are
     *     plotted at their start, so without it the axis would stop at the current step's start and
     *     leave out events (markers) since then
     */
    public void setData(long[] epochSeconds, Long startSeconds, Long endSeconds, List<Line> lines) {
        setData(epochSeconds, startSeconds, endSeconds, lines, null);
    }

    /** As {@link #setData(long[], Long, Long, List)}, with a forecast band after the lines (null for none). */
    public void setData(long[] epochSeconds, Long startSeconds, Long endSeconds, List<Line> lines, Band band) {
        var all = new java.util.ArrayList<>(lines);
        JsonArray bands = Json.createArray();
        if (band != null) {
            all.add(new Line(band.label(), band.color(), band.expected()));
            all.add(new Line(band.label() + " low", band.color(), band.low()));
            all.add(new Line(band.label() + " high", band.color(), band.high()));
            JsonObject shade = Json.createObject();
            JsonArray pair = Json.createArray();
            // uPlot numbers series from 1 (0 is time): the high line, then the low one it shades down to.
            pair.set(0, all.size());
            pair.set(1, all.size() - 1);
            shade.put("series", pair);
            shade.put("fill", band.color() + "33");
            bands.set(0, shade);
        }
        JsonArray times = Json.createArray();
        for (int i = 0; i < epochSeconds.length; i++) {
            times.set(i, epochSeconds[i]);
        }
        JsonArray series = Json.createArray();
        JsonArray data = Json.createArray();
        data.set(0, times);
        for (int l = 0; l < all.size(); l++) {
            Line line = all.get(l);
            // uPlot reads the data column by column against the time column; a short column would shift silently.
            if (line.values().length != epochSeconds.length) {
                throw new IllegalArgumentException("Line '" + line.label() + "' has " + line.values().length
                        + " values for " + epochSeconds.length + " timestamps");
            }
            JsonObject meta = Json.createObject();
            meta.put("label", line.label());
            meta.put("color", line.color());
            if (band != null && l >= lines.size()) {
                // The forecast is a reference, not a measurement: dashed, and its bounds thin.
                meta.put("dash", true);
                meta.put("width", l == lines.size() ? 1.5 : 0.5);
            }
            series.set(series.length(), meta);
            data.set(data.length(), column(line.values()));
        }
        JsonObject config = Json.createObject();
        config.put("title", title);
        config.put("unit", unit);
        config.put("series", series);
        config.put("data", data);
        if (band != null) {
            config.put("bands", bands);
        }
        if (startSeconds != null) {
            config.put("start", startSeconds);
        }
        if (endSeconds != null) {
            config.put("end", endSeconds);
        }
        if (clickHint != null) {
            config.put("clickHint", clickHint);
        }
        getElement().setPropertyJson("config", config);
    }

    /** Replaces the chart's markers; the lines stay as they are. */
    public void setMarkers(List<Marker> markers) {
        JsonArray array = Json.createArray();
        for (Marker marker : markers) {
            JsonObject json = Json.createObject();
            json.put("at", marker.atSeconds());
            if (marker.endSeconds() != null) {
                json.put("end", marker.endSeconds());
            }
            json.put("open", marker.open());
            json.put("color", marker.color());
            json.put("text", marker.text());
            if (marker.link() != null) {
                json.put("link", marker.link());
            }
            array.set(array.length(), json);
        }
        getElement().setPropertyJson("markers", array);
    }

    /** A column of values as the chart reads it; NaN and infinities become gaps, as JSON has no word for them. */
    static JsonArray column(Double[] values) {
        JsonArray column = Json.createArray();
        for (int i = 0; i < values.length; i++) {
            Double value = values[i];
            boolean gap = value == null || value.isNaN() || value.isInfinite();
            column.set(i, gap ? Json.createNull() : Json.create(value));
        }
        return column;
    }

    /**
     * Fires when the user clicks the plot, with the instant under the cursor (to drill into traces).
     *
     * @param hint what the click does, shown when the pointer rests on the plot (applies from the next data)
     */
    public Registration addPointClickListener(String hint, ComponentEventListener<PointClickEvent> listener) {
        clickHint = Objects.requireNonNull(hint, "hint");
        return addListener(PointClickEvent.class, listener);
    }

    /** Fires when the user drags across the plot to zoom, with the instants the selection spans. */
    public Registration addRangeSelectListener(ComponentEventListener<RangeSelectEvent> listener) {
        return addListener(RangeSelectEvent.class, listener);
    }

    /** Fires when the user clicks the line of a mark that has a link, with that link. */
    public Registration addMarkerClickListener(ComponentEventListener<MarkerClickEvent> listener) {
        return addListener(MarkerClickEvent.class, listener);
    }

    @DomEvent("marker-click")
    public static class MarkerClickEvent extends ComponentEvent<TimeSeriesChart> {

        private final String link;

        public MarkerClickEvent(TimeSeriesChart source, boolean fromClient, @EventData("event.detail.link") String link) {
            super(source, fromClient);
            this.link = link;
        }

        public String link() {
            return link;
        }
    }

    @DomEvent("range-select")
    public static class RangeSelectEvent extends ComponentEvent<TimeSeriesChart> {

        private final Instant from;
        private final Instant to;

        public RangeSelectEvent(TimeSeriesChart source, boolean fromClient, @EventData("event.detail.from") double from,
                @EventData("event.detail.to") double to) {
            super(source, fromClient);
            this.from = Instant.ofEpochMilli(Math.round(from * 1000));
            this.to = Instant.ofEpochMilli(Math.round(to * 1000));
        }

        public Instant from() {
            return from;
        }

        public Instant to() {
            return to;
        }
    }

    @DomEvent("point-click")
    public static class PointClickEvent extends ComponentEvent<TimeSeriesChart> {

        private final Instant time;

        public PointClickEvent(TimeSeriesChart source, boolean fromClient, @EventData("event.detail.time") double time) {
            super(source, fromClient);
            this.time = Instant.ofEpochMilli(Math.round(time * 1000));
        }

        public Instant time() {
            return time;
        }
    }
}
