package io.headroom.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
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

/**
 * Separate events as dots on a time axis (traces by start and duration), each dot in its
 * group's colour; clicking a dot hands back the item it stands for. Drawn by the same browser
 * component as {@link TimeSeriesChart}.
 *
 * @param <T> what a dot stands for
 */
@Tag("headroom-timeseries")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./headroom-timeseries.ts")
public class ScatterChart<T> extends Component implements HasSize {

    /** A dot: where it goes, and the group (series) that colours it. */
    public record Dot<T>(Instant time, double value, int group, T item) {
    }

    /** A group of dots with its legend label and colour. */
    public record Group(String label, String color) {
    }

    private final String title;
    private final String unit;
    private final List<Group> groups;
    private final String clickHint;
    private List<Dot<T>> shown = List.of();

    /** @param clickHint what clicking a dot does, shown when the pointer rests on the plot */
    public ScatterChart(String title, String unit, List<Group> groups, String clickHint) {
        this.title = Objects.requireNonNull(title, "title");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.groups = List.copyOf(groups);
        this.clickHint = Objects.requireNonNull(clickHint, "clickHint");
        setDots(List.of(), null, null);
    }

    /** @param start where the time axis starts, null for the first dot; @param end where it ends, null for the last */
    public void setDots(List<Dot<T>> dots, Instant start, Instant end) {
        // The browser reads the dots against an ascending time column; the click answers an index into it.
        List<Dot<T>> sorted = new ArrayList<>(dots);
        sorted.sort(Comparator.comparing(Dot::time));
        shown = List.copyOf(sorted);
        JsonArray times = Json.createArray();
        JsonArray[] columns = new JsonArray[groups.size()];
        for (int g = 0; g < columns.length; g++) {
            columns[g] = Json.createArray();
        }
        for (int i = 0; i < sorted.size(); i++) {
            Dot<T> dot = sorted.get(i);
            times.set(i, dot.time().toEpochMilli() / 1000.0);
            for (int g = 0; g < columns.length; g++) {
                columns[g].set(i, g == dot.group() ? Json.create(dot.value()) : Json.createNull());
            }
        }
        JsonArray series = Json.createArray();
        JsonArray data = Json.createArray();
        data.set(0, times);
        for (int g = 0; g < columns.length; g++) {
            JsonObject meta = Json.createObject();
            meta.put("label", groups.get(g).label());
            meta.put("color", groups.get(g).color());
            meta.put("scatter", true);
            series.set(g, meta);
            data.set(g + 1, columns[g]);
        }
        JsonObject config = Json.createObject();
        config.put("title", title);
        config.put("unit", unit);
        config.put("series", series);
        config.put("data", data);
        config.put("clickHint", clickHint);
        if (start != null) {
            config.put("start", start.toEpochMilli() / 1000.0);
        }
        if (end != null) {
            config.put("end", end.toEpochMilli() / 1000.0);
        }
        getElement().setPropertyJson("config", config);
    }

    /** Calls back with the item of the dot clicked (the one nearest the cursor in time). */
    public Registration addDotClickListener(Consumer<T> listener) {
        return addListener(DotClickEvent.class, event -> {
            List<Dot<T>> dots = shown;
            // A click on dots drawn before the latest update could name another item at the same index.
            if (event.index >= 0 && event.index < dots.size()
                    && Math.abs(dots.get(event.index).time().toEpochMilli() - event.timeMillis) <= 1) {
                listener.accept(dots.get(event.index).item());
            }
        });
    }

    @DomEvent("point-click")
    public static class DotClickEvent extends ComponentEvent<ScatterChart<?>> {

        private final int index;
        private final long timeMillis;

        public DotClickEvent(ScatterChart<?> source, boolean fromClient, @EventData("event.detail.index") int index,
                @EventData("event.detail.time") double time) {
            super(source, fromClient);
            this.index = index;
            this.timeMillis = Math.round(time * 1000);
        }
    }
}
