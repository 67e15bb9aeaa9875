package io.headroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.NumberField;

/**
 * A dialog asking for one number: Save runs the service call, and a refusal (empty field, or
 * the service's {@link IllegalArgumentException}) is explained on the field, the dialog staying open.
 */
public final class NumberDialog {

    /** Stores the value; returns the confirmation to show, or throws {@link IllegalArgumentException} saying what is wrong. */
    @FunctionalInterface
    public interface Saving {
        String save(double value);
    }

    private NumberDialog() {
    }

    /** @param field labelled, with its helper text and current value set by the caller */
    public static void open(String title, NumberField field, String whenEmpty, Saving saving) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.add(field);
        var save = new Button("Save", click -> {
            if (field.getValue() == null) {
                field.setErrorMessage(whenEmpty);
                field.setInvalid(true);
                return;
            }
            try {
                String confirmation = saving.save(field.getValue());
                dialog.close();
                Notification.show(confirmation, 3_000, Notification.Position.BOTTOM_START);
            } catch (IllegalArgumentException e) {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
        field.focus();
    }
}
