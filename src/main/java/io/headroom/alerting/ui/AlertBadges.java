package io.headroom.alerting.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.Span;
import io.headroom.alerting.AlertState;

/** An alert's state as a badge: red firing, amber pending, green resolved, grey inactive; "muted" beside it when it is. */
final class AlertBadges {

    private AlertBadges() {
    }

    static Span state(AlertState state) {
        var badge = new Span(state.name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add(switch (state) {
            case FIRING -> "badge error primary";
            case PENDING -> "badge";
            case RESOLVED -> "badge success";
            case INACTIVE -> "badge contrast";
        });
        badge.getElement().setAttribute("data-state", state.name());
        return badge;
    }

    static Span muted(String why) {
        var badge = new Span(why);
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }
}
