package io.headroom.kpi.ui;

import com.vaadin.flow.component.html.Span;
import io.headroom.kpi.SloStatus.AlertLevel;

/** An SLO alert level as a badge: green OK, amber TICKET, red PAGE. */
final class Health {

    private Health() {
    }

    static Span badge(AlertLevel level) {
        var badge = new Span();
        show(badge, level);
        return badge;
    }

    static void show(Span badge, AlertLevel level) {
        badge.setText(level.name());
        badge.getElement().setAttribute("theme", switch (level) {
            case OK -> "badge success";
            case TICKET -> "badge";
            case PAGE -> "badge error";
        });
        // Lumo has no amber badge; a ticket is not an emergency, so it must not look like one.
        if (level == AlertLevel.TICKET) {
            badge.getStyle().set("color", "#f5a623").set("background-color", "rgba(245, 166, 35, 0.16)");
        } else {
            badge.getStyle().remove("color").remove("background-color");
        }
    }
}
