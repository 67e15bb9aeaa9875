package io.headroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import elemental.json.JsonArray;

/** A small line of a series' shape (frontend/headroom-sparkline.ts), for a grid row beside its number. */
@Tag("headroom-sparkline")
@JsModule("./headroom-sparkline.ts")
public class Sparkline extends Component {

    /** @param values null is a gap; {@code description} is read out and shown on hover */
    public Sparkline(Double[] values, String description) {
        JsonArray column = TimeSeriesChart.column(values);
        getElement().setPropertyJson("values", column);
        getElement().setAttribute("title", description);
        getElement().setAttribute("aria-label", description);
    }
}
