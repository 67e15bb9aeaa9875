package io.headroom.kpi.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.textfield.NumberField;
import io.headroom.kpi.ApdexThresholds;
import io.headroom.ui.Formats;
import io.headroom.ui.NumberDialog;

/** "Apdex T…": a dialog to set the service's Apdex target time; the page's Apdex figure shows the T in use. */
final class ApdexControl extends Button {

    private final String service;
    private final ApdexThresholds thresholds;
    private final Runnable changed;

    /** @param changed runs after a new T is saved, so the page recomputes its score */
    ApdexControl(String service, ApdexThresholds thresholds, Runnable changed) {
        super("Apdex T…");
        this.service = service;
        this.thresholds = thresholds;
        this.changed = changed;
        addThemeVariants(ButtonVariant.LUMO_SMALL);
        addClickListener(click -> openDialog());
    }

    private void openDialog() {
        var field = new NumberField("Target time T (ms)");
        field.setHelperText("requests answered within T satisfy, within 4T tolerate; failed ones never satisfy");
        field.setValue(thresholds.of(service));
        field.setWidth("22em");

        NumberDialog.open("Apdex of " + service, field, "Enter a time in milliseconds, such as 300", value -> {
            double saved = thresholds.set(service, value);
            changed.run();
            return "Apdex T of " + service + " set to " + Formats.millis(saved);
        });
    }
}
