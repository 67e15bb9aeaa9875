package io.headroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** Asks before something is deleted, saying what goes with it. */
public final class DeleteDialog {

    private DeleteDialog() {
    }

    /** Opens "Delete {name}?"; {@code delete} runs only on the dialog's Delete button. */
    public static void open(String name, String consequence, Runnable delete) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Delete " + name + "?");
        dialog.add(new Paragraph(consequence));
        var confirm = new Button("Delete", click -> {
            dialog.close();
            delete.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }
}
