package io.headroom.runbook.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.alerting.AlertRule;
import io.headroom.runbook.LineDiff;
import io.headroom.runbook.RenderedRunbook;
import io.headroom.runbook.Runbook;
import io.headroom.runbook.RunbookVersion;
import io.headroom.runbook.Runbooks;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * A runbook at its stable address: the steps rendered (sanitised), who owns it, the rules that
 * link to it, and every version with what it changed.
 */
@PermitAll
@Route(value = "runbooks", layout = MainLayout.class)
public class RunbookView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Runbooks runbooks;
    private final boolean mayEdit;
    private String title = "Runbook · Headroom";

    public RunbookView(Runbooks runbooks, AuthenticationContext authentication) {
        this.runbooks = runbooks;
        this.mayEdit = authentication.hasRole("OPERATOR");
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        removeAll();
        Optional<Runbook> found = runbooks.find(slug);
        if (found.isEmpty()) {
            add(new H2("No such runbook"), new Paragraph("No runbook is at /runbooks/" + slug + "."), new Anchor("runbooks", "All runbooks"));
            return;
        }
        show(runbooks.render(found.get()));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(RenderedRunbook rendered) {
        Runbook runbook = rendered.runbook();
        title = runbook.title() + " · Runbooks · Headroom";
        var heading = new HorizontalLayout(new H2(runbook.title()));
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (mayEdit) {
            heading.add(new Button("Edit", click -> new RunbookEditor(runbooks, runbook,
                    saved -> getUI().ifPresent(ui -> ui.getPage().reload())).open()));
        }
        var facts = new Span("Owner " + runbook.owner() + " · version " + runbook.version() + ", " + TIME.format(runbook.updatedAt())
                + " UTC by " + runbook.updatedBy() + " · " + runbook.path());
        facts.addClassNames(LumoUtility.TextColor.SECONDARY);
        // Rendered by the runbook module: CommonMark with raw HTML escaped, then an allow-list (no scripts, handlers, images).
        var body = new Div(new Html("<div class=\"runbook-body\">" + rendered.html() + "</div>"));
        body.setWidthFull();
        add(new Anchor("runbooks", "← All runbooks"), heading, facts, body, linkedRules(runbook));
        add(new H3("Versions"), versions(runbook));
    }

    private Component linkedRules(Runbook runbook) {
        List<AlertRule> rules = runbooks.linkedRules(runbook);
        var line = new Paragraph(rules.isEmpty() ? "No alert rule links here yet (runbook_url: " + runbook.path() + ")."
                : "Linked from the alert rules: " + String.join(", ", rules.stream().map(AlertRule::name).toList()));
        line.addClassNames(LumoUtility.TextColor.SECONDARY);
        return line;
    }

    private Component versions(Runbook runbook) {
        var changes = new Pre();
        changes.setWidthFull();
        changes.setVisible(false);
        var grid = new Grid<RunbookVersion>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(v -> "v" + v.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(v -> TIME.format(v.changedAt()) + " UTC").setHeader("Saved").setAutoWidth(true);
        grid.addColumn(RunbookVersion::changedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(RunbookVersion::title).setHeader("Title").setFlexGrow(1);
        grid.setItems(runbooks.versions(runbook));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> {
            var text = new StringBuilder();
            runbooks.changes(runbook, click.getItem().version()).orElse(List.of()).forEach(line -> text
                    .append(line.kind() == LineDiff.Kind.ADDED ? "+ " : line.kind() == LineDiff.Kind.REMOVED ? "- " : "  ")
                    .append(line.text()).append('\n'));
            changes.setText("What v" + click.getItem().version() + " changed:\n\n" + text);
            changes.setVisible(true);
        });
        var section = new VerticalLayout(grid, changes);
        section.setPadding(false);
        return section;
    }
}
