package io.headroom.kpi.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.kpi.Slo;
import io.headroom.kpi.SloStatus;
import io.headroom.kpi.SloStatus.Objective;
import io.headroom.kpi.Slos;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;

/** A service's objectives with error budget left, burn rates and alert level, and a dialog to set them. */
final class SloPanel extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final String service;
    private final Slos slos;
    private final Div lines = new Div();
    private final Span alert = new Span();

    /** @param mayEdit whether the user may set objectives (administrators) */
    SloPanel(String service, Slos slos, LiveRefresh live, boolean mayEdit) {
        this.service = service;
        this.slos = slos;
        setPadding(false);
        setSpacing(false);
        var edit = new Button("SLO…", click -> openDialog());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setVisible(mayEdit);
        alert.getElement().setAttribute("data-slo-alert", "");
        var header = new HorizontalLayout(new H4("Service level objectives"), alert, edit);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        lines.getElement().setAttribute("data-slo", "");
        lines.addClassNames(LumoUtility.FontSize.SMALL);
        add(header, lines);
        live.whileAttached(this, REFRESH, () -> slos.status(service), this::show);
    }

    private void show(Optional<SloStatus> status) {
        lines.removeAll();
        if (status.isEmpty()) {
            alert.setVisible(false);
            lines.add(new Span("None set. An SLO gives this service an error budget, burn rates and a health colour."));
            return;
        }
        alert.setVisible(true);
        Health.show(alert, status.get().alert());
        for (Objective objective : status.get().objectives()) {
            lines.add(new Div(new Span(describe(objective, status.get().slo().windowDays()))));
        }
    }

    static String describe(Objective objective, int windowDays) {
        String target = objective.kind().equals("latency")
                ? Formats.share(objective.target()) + " of requests ≤ " + Formats.millis(objective.thresholdMs())
                : Formats.share(objective.target()) + " of requests succeed";
        String burns = objective.burnRates().entrySet().stream()
                .map(entry -> entry.getKey() + " " + (entry.getValue() == null ? "–" : "%.2f".formatted(entry.getValue())))
                .collect(Collectors.joining(" · "));
        return "%s: %s over %d d · now %s · error budget left %s · burn rate %s".formatted(
                objective.kind().equals("latency") ? "Latency" : "Availability", target, windowDays,
                objective.sli() == null ? "–" : Formats.share(objective.sli()),
                objective.errorBudgetRemaining() == null ? "–" : Formats.percent(objective.errorBudgetRemaining()), burns);
    }

    private void openDialog() {
        Optional<Slo> current = slos.find(service);
        var availability = percentField("Availability objective (%)", "e.g. 99.9; empty for none");
        var latency = percentField("Latency objective (%)", "share of requests under the threshold; empty for none");
        var threshold = new NumberField("Latency threshold (ms)");
        threshold.setMin(0);
        var window = new IntegerField("Window (days)");
        window.setMin(1);
        window.setMax(90);
        window.setValue(current.map(Slo::windowDays).orElse(Slo.DEFAULT_WINDOW_DAYS));
        current.ifPresent(slo -> {
            availability.setValue(slo.availabilityTarget() == null ? null : Formats.percentOf(slo.availabilityTarget()));
            latency.setValue(slo.latencyTarget() == null ? null : Formats.percentOf(slo.latencyTarget()));
            threshold.setValue(slo.latencyThresholdMs());
        });
        var dialog = new Dialog();
        dialog.setHeaderTitle("SLO of " + service);
        var form = new VerticalLayout(availability, latency, threshold, window);
        form.setPadding(false);
        dialog.add(form);
        var save = new Button("Save", click -> {
            for (var field : new com.vaadin.flow.component.HasValidation[] {availability, latency, threshold, window}) {
                field.setInvalid(false);
            }
            if (!percentOk(availability) || !percentOk(latency)) {
                return;
            }
            if (window.getValue() == null) {
                window.setErrorMessage("Enter the window in whole days, 1 to 90");
                window.setInvalid(true);
                return;
            }
            try {
                slos.define(new Slo(service, fraction(availability.getValue()), fraction(latency.getValue()), threshold.getValue(),
                        window.getValue()));
                show(slos.status(service));
                dialog.close();
                Notification.show("SLO of " + service + " saved", 3_000, Notification.Position.BOTTOM_START);
            } catch (IllegalArgumentException e) {
                var field = e.getMessage().startsWith("latencyThreshold") ? threshold
                        : e.getMessage().startsWith("latency") ? latency
                        : e.getMessage().startsWith("windowDays") ? window : availability;
                field.setErrorMessage(readable(e.getMessage()));
                field.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var remove = new Button("Remove SLO", click -> {
            slos.remove(service);
            show(Optional.empty());
            dialog.close();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setVisible(current.isPresent());
        dialog.getFooter().add(remove, new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private static NumberField percentField(String label, String helper) {
        var field = new NumberField(label);
        field.setHelperText(helper);
        field.setWidth("20em");
        return field;
    }

    private static boolean percentOk(NumberField field) {
        if (field.getValue() != null && !(field.getValue() > 0 && field.getValue() < 100)) {
            field.setErrorMessage("Enter a percentage above 0 and below 100, such as 99.9");
            field.setInvalid(true);
            return false;
        }
        return true;
    }

    private static Double fraction(Double percent) {
        return percent == null ? null : Formats.fractionOf(percent);
    }

    /** The service names the API's fields; the form has labels. */
    private static String readable(String message) {
        return message.replace("availabilityTarget", "an availability objective").replace("latencyTarget", "the latency objective")
                .replace("latencyThresholdMs", "the latency threshold").replace("windowDays", "the window");
    }
}
