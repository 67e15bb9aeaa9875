package io.headroom.scaling.ui;

import java.time.Duration;
import java.util.NoSuchElementException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.scaling.Instances;
import io.headroom.scaling.Scaling;
import io.headroom.ui.LiveRefresh;

/** "3 instances [Scale…]": the count kept live, and a dialog that asks for a new one within the service's bounds. */
final class ScaleControl extends HorizontalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final String service;
    private final Scaling scaling;
    private final Span count = new Span();
    private volatile Instances latest;

    /** @param mayScale whether the user's role allows scaling: without it the count shows and the button does not */
    ScaleControl(String service, Scaling scaling, LiveRefresh live, boolean mayScale) {
        this.service = service;
        this.scaling = scaling;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        count.addClassNames(LumoUtility.TextColor.SECONDARY);
        count.getElement().setAttribute("data-instances", "");
        add(count);
        if (mayScale) {
            var scale = new Button("Scale…", click -> openDialog());
            scale.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(scale);
        }
        live.whileAttached(this, REFRESH, () -> scaling.instances(service), this::show);
    }

    private void show(Instances instances) {
        latest = instances;
        String text = instances.current() == 1 ? "1 instance" : instances.current() + " instances";
        if (instances.desired() != instances.current()) {
            text += " (" + instances.desired() + " wanted)";
        }
        count.setText(text);
    }

    private void openDialog() {
        Instances now = latest != null ? latest : scaling.instances(service);
        var field = new IntegerField("Instances");
        field.setMin(now.min());
        field.setMax(now.max());
        field.setStepButtonsVisible(true);
        field.setValue(now.desired());
        field.setHelperText("between %d and %d; now %d running".formatted(now.min(), now.max(), now.current()));

        var dialog = new Dialog();
        dialog.setHeaderTitle("Scale " + service);
        dialog.add(field);
        var apply = new Button("Scale", click -> {
            if (field.getValue() == null) {
                field.setErrorMessage("Enter how many instances, as a whole number");
                field.setInvalid(true);
                return;
            }
            try {
                show(scaling.scaleTo(service, field.getValue()));
                dialog.close();
                Notification.show("Scaling " + service + " to " + field.getValue(), 3_000, Notification.Position.BOTTOM_START);
            } catch (IllegalArgumentException | NoSuchElementException | IllegalStateException e) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), apply);
        dialog.open();
        field.focus();
    }
}
