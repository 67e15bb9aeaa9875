package io.headroom.runbook.ui;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.runbook.Runbook;
import io.headroom.runbook.Runbooks;
import io.headroom.ui.Formats;
import io.headroom.ui.MainLayout;
import io.headroom.ui.SearchFields;
import jakarta.annotation.security.PermitAll;

/** Every runbook, searchable by its words; operators write new ones here. */
@PermitAll
@Route(value = "runbooks", layout = MainLayout.class)
@PageTitle("Runbooks · Headroom")
@Menu(title = "Runbooks", order = 6)
public class RunbooksView extends VerticalLayout {

    private final Runbooks runbooks;
    private final TextField search = new TextField();
    private final Grid<Runbook> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    public RunbooksView(Runbooks runbooks, AuthenticationContext authentication, Clock clock) {
        this.runbooks = runbooks;
        search.setPlaceholder("Search runbooks: words, \"a phrase\", -excluded");
        search.setWidth("28em");
        search.setAriaLabel("Search runbooks");
        SearchFields.searchOnEnter(this::show, search);
        var bar = new HorizontalLayout(search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (authentication.hasRole("OPERATOR")) {
            bar.add(new Button("New runbook", click -> new RunbookEditor(runbooks, null,
                    made -> getUI().ifPresent(ui -> ui.navigate("runbooks/" + made.slug()))).open()));
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(RunbooksView::link).setHeader("Runbook").setFlexGrow(3).setKey("title");
        grid.addColumn(Runbook::owner).setHeader("Owner").setAutoWidth(true).setKey("owner");
        grid.addColumn(r -> "v" + r.version() + " · " + Formats.ago(r.updatedAt(), clock.instant()) + " by " + r.updatedBy())
                .setHeader("Last change").setAutoWidth(true).setKey("changed");
        grid.setSizeFull();
        add(new H2("Runbooks"), bar, summary, grid);
        setSizeFull();
        show();
    }

    private static Component link(Runbook runbook) {
        return new Anchor(runbook.path(), runbook.title());
    }

    private void show() {
        List<Runbook> found = runbooks.search(search.getValue());
        grid.setItems(found);
        summary.setText(found.isEmpty() ? (search.isEmpty() ? "No runbooks yet." : "No runbook matches.")
                : Formats.count(found.size(), "runbook"));
    }
}
