package io.headroom.chaos.ui;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.chaos.Chaos;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;

/**
 * Asks what fault to inject, for how long, and injects it through {@link Chaos}, which does
 * the validating: its reasons are shown on the field they concern.
 */
final class FaultDialog extends Dialog {

    /** What the form starts with: a fault felt without taking the service down. */
    private static final Map<FaultType, Double> STARTING_MAGNITUDE = Map.of(
            FaultType.LATENCY, 200.0, FaultType.ERROR, 500.0, FaultType.KILL, 1.0, FaultType.CPU, 50.0);

    private final Select<FaultType> type = new Select<>();
    private final NumberField magnitude = new NumberField();
    private final NumberField jitter = new NumberField("Jitter (ms)");
    private final NumberField percentage = new NumberField("Requests hit (%)");
    private final NumberField instanceShare = new NumberField("Instances hit (%)");
    private final IntegerField duration = new IntegerField("Duration (s)");
    private final Span problem = new Span();

    FaultDialog(String service, Chaos chaos, Runnable afterInjecting) {
        setHeaderTitle("Inject a fault into " + service);
        type.setLabel("Fault");
        type.setItems(FaultType.values());
        type.setItemLabelGenerator(FaultDialog::label);
        type.setValue(FaultType.LATENCY);
        type.addValueChangeListener(change -> fitFieldsTo(change.getValue()));
        jitter.setValue(0.0);
        jitter.setHelperText("up to this much more, at random");
        percentage.setValue(100.0);
        percentage.setHelperText("above 0, at most 100");
        instanceShare.setValue(100.0);
        instanceShare.setHelperText("picked now, at least one");
        duration.setValue(60);
        duration.setHelperText("1 to " + Chaos.MAX_DURATION.toSeconds() + "; ends by itself");
        problem.addClassNames(LumoUtility.TextColor.ERROR);
        fitFieldsTo(FaultType.LATENCY);

        var form = new FormLayout(type, magnitude, jitter, percentage, instanceShare, duration);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
        add(form, problem);

        var inject = new Button("Inject", click -> {
            try {
                chaos.inject(service, spec());
                close();
                afterInjecting.run();
                Notification.show("Fault injected into " + service, 3_000, Notification.Position.BOTTOM_START);
            } catch (IllegalArgumentException | NoSuchElementException | Chaos.KillSwitchEngaged e) {
                explain(e.getMessage());
            }
        });
        inject.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", click -> close()), inject);
    }

    private static String label(FaultType type) {
        return switch (type) {
            case LATENCY -> "Latency";
            case ERROR -> "Errors";
            case KILL -> "Kill instances";
            case CPU -> "CPU burn";
        };
    }

    private void fitFieldsTo(FaultType chosen) {
        magnitude.setLabel(chosen.magnitudeLabel());
        magnitude.setHelperText(chosen.magnitudeRange());
        magnitude.setValue(STARTING_MAGNITUDE.get(chosen));
        jitter.setVisible(chosen == FaultType.LATENCY);
        percentage.setVisible(chosen.hitsRequests());
        instanceShare.setVisible(chosen != FaultType.KILL);
    }

    private FaultSpec spec() {
        FaultType chosen = type.getValue();
        return new FaultSpec(chosen, valueOf(magnitude),
                chosen == FaultType.LATENCY ? valueOf(jitter) : 0,
                percentage.isVisible() ? valueOf(percentage) : 100,
                duration.getValue() == null ? null : Duration.ofSeconds(duration.getValue()),
                instanceShare.isVisible() ? valueOf(instanceShare) : 100);
    }

    private static double valueOf(NumberField field) {
        return field.getValue() == null ? Double.NaN : field.getValue();
    }

    /** Chaos names the field its reason concerns first; show it there, or below the form. */
    private void explain(String reason) {
        for (var field : new NumberField[] {magnitude, jitter, percentage, instanceShare}) {
            field.setInvalid(false);
        }
        duration.setInvalid(false);
        problem.setText("");
        if (reason.startsWith("magnitude")) {
            invalid(magnitude, reason);
        } else if (reason.startsWith("jitter")) {
            invalid(jitter, reason);
        } else if (reason.startsWith("percentage")) {
            invalid(percentage, reason);
        } else if (reason.startsWith("instancePercentage")) {
            invalid(instanceShare, reason);
        } else if (reason.startsWith("durationSeconds")) {
            duration.setErrorMessage(reason.replace("durationSeconds", "Duration"));
            duration.setInvalid(true);
        } else {
            problem.setText(reason);
        }
    }

    private static void invalid(NumberField field, String reason) {
        field.setErrorMessage(reason);
        field.setInvalid(true);
    }
}
