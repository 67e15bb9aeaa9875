package io.headroom.runbook.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.headroom.runbook.Runbook;
import io.headroom.runbook.Runbooks;

/**
 * Writes a new runbook or a new version of one. A save made from a version someone has since
 * replaced is refused with the reason, so neither edit is silently lost.
 */
final class RunbookEditor extends Dialog {

    private final TextField slug = new TextField("Address");
    private final TextField title = new TextField("Title");
    private final TextField owner = new TextField("Owner");
    private final TextArea markdown = new TextArea("Steps (Markdown)");

    /** @param existing null for a new runbook */
    RunbookEditor(Runbooks runbooks, Runbook existing, Consumer<Runbook> saved) {
        setHeaderTitle(existing == null ? "New runbook" : "Edit " + existing.title());
        setWidth("min(60rem, 95vw)");
        slug.setPrefixComponent(new com.vaadin.flow.component.html.Span("/runbooks/"));
        slug.setHelperText("Made from the title when left empty; it is the runbook's permanent address");
        owner.setHelperText("The team or person who keeps it right");
        markdown.setHelperText("Number the steps (1. 2. 3.): they are the runbook's steps. Links to other pages are kept, "
                + "scripts and images are not.");
        markdown.setWidthFull();
        markdown.setMinHeight("18rem");
        title.setWidthFull();
        if (existing != null) {
            slug.setValue(existing.slug());
            slug.setReadOnly(true);
            title.setValue(existing.title());
            owner.setValue(existing.owner());
            markdown.setValue(existing.markdown());
        }
        add(new VerticalLayout(slug, title, owner, markdown));
        var save = new Button("Save", click -> {
            for (var field : new com.vaadin.flow.component.HasValidation[] {slug, title, owner, markdown}) {
                field.setInvalid(false);
            }
            try {
                Runbook result = existing == null
                        ? runbooks.create(slug.getValue(), title.getValue(), owner.getValue(), markdown.getValue())
                        : runbooks.update(existing.slug(), existing.version(), title.getValue(), owner.getValue(), markdown.getValue())
                                .orElseThrow(() -> new IllegalArgumentException("markdown: the runbook was deleted meanwhile"));
                close();
                saved.accept(result);
            } catch (IllegalArgumentException | Runbooks.SlugTaken | Runbooks.StaleVersion e) {
                var field = fieldFor(e.getMessage());
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private com.vaadin.flow.component.HasValidation fieldFor(String message) {
        if (message.startsWith("slug") || message.startsWith("a runbook at")) {
            return slug;
        }
        if (message.startsWith("title")) {
            return title;
        }
        return message.startsWith("owner") ? owner : markdown;
    }
}
