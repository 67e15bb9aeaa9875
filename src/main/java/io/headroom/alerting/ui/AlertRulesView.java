package io.headroom.alerting.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.alerting.AlertRule;
import io.headroom.alerting.AlertRules;
import io.headroom.alerting.RuleCondition;
import io.headroom.api.ApiParameters;
import io.headroom.kpi.Slos;
import io.headroom.ui.DeleteDialog;
import io.headroom.ui.Formats;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Every alert rule: what it watches, how long before it fires, its severity and runbook.
 * Administrators create, edit, disable and delete rules here, and make an SLO's burn-rate rules
 * in one step.
 */
@PermitAll
@Route(value = "alerts/rules", layout = MainLayout.class)
@Menu(title = "Alert rules", order = 5.1)
@PageTitle("Alert rules · Headroom")
public class AlertRulesView extends VerticalLayout {

    private final AlertRules rules;
    private final boolean admin;
    private final Grid<AlertRule> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();

    public AlertRulesView(AlertRules rules, Slos slos, AuthenticationContext authentication) {
        this.rules = rules;
        this.admin = authentication.hasRole("ADMIN");
        var actions = new HorizontalLayout(new Anchor("alerts", "Alerts"), new Anchor("alerts/silences", "Silences and inhibition"));
        if (admin) {
            var create = new Button("New rule", click -> new RuleDialog(rules, null, this::reload).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var burnRate = new Button("Burn-rate rules from an SLO…", click -> new BurnRateDialog(rules, slos, this::reload).open());
            actions.addComponentAsFirst(burnRate);
            actions.addComponentAsFirst(create);
        }
        actions.setAlignItems(Alignment.BASELINE);
        configureGrid();
        add(new H2("Alert rules"), actions, summary, grid);
        setSizeFull();
        reload();
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(LitRenderer.<AlertRule>of("<span style='overflow-wrap:anywhere'>${item.name}</span> <span theme='badge contrast small' ?hidden=${item.enabled}>disabled</span>")
                .withProperty("name", AlertRule::name).withProperty("enabled", AlertRule::enabled)).setHeader("Rule").setWidth("15em")
                .setFlexGrow(1).setKey("name");
        grid.addColumn(AlertRulesView::services).setHeader("Services").setWidth("10em").setFlexGrow(1).setKey("services");
        grid.addColumn(AlertRulesView::condition).setHeader("Fires when").setWidth("15em").setFlexGrow(2).setKey("condition");
        grid.addColumn(rule -> rule.alertLabels("").getOrDefault("severity", "")).setHeader("Severity").setAutoWidth(true)
                .setKey("severity");
        grid.addComponentColumn(AlertRulesView::runbook).setHeader("Runbook").setWidth("12em").setFlexGrow(1).setKey("runbook");
        if (admin) {
            grid.addColumn(rowActions()).setHeader("").setWidth("14em").setFlexGrow(0).setKey("actions");
        }
        grid.setSizeFull();
    }

    private static String services(AlertRule rule) {
        if (rule.condition() instanceof RuleCondition.Threshold t) {
            return t.servicePattern().equals(".*") ? "every service" : t.servicePattern();
        }
        return ((RuleCondition.BurnRate) rule.condition()).service();
    }

    /** "p99 > 300 ms over 5m, for 1m", "SLO error budget burning at page level (...)". */
    static String condition(AlertRule rule) {
        String timing = "";
        if (!rule.timing().forDuration().isZero()) {
            timing += ", for " + ApiParameters.durationText(rule.timing().forDuration());
        }
        if (!rule.timing().keepFiringFor().isZero()) {
            timing += "; keeps firing " + ApiParameters.durationText(rule.timing().keepFiringFor());
        }
        return kpiCondition(rule) + timing;
    }

    private static String kpiCondition(AlertRule rule) {
        if (rule.condition() instanceof RuleCondition.Threshold t) {
            return t.kpi().key() + " " + t.comparison().symbol() + " " + AlertValueText.of(t.threshold(), t.kpi().key()) + " over "
                    + ApiParameters.durationText(t.window());
        }
        var burn = (RuleCondition.BurnRate) rule.condition();
        return "SLO error budget burning at " + burn.level().name().toLowerCase(Locale.ROOT) + " level ("
                + (burn.level() == io.headroom.alerting.BurnLevel.PAGE ? "2 % in 1h or 5 % in 6h" : "10 % in 1d or 3d") + ")";
    }

    private static Component runbook(AlertRule rule) {
        String url = rule.annotations().get(AlertRule.RUNBOOK_URL);
        if (url == null) {
            return new Span();
        }
        // Templated links ({{ $labels.service }}) are shown as written: there is no one service to fill in.
        Component shown = url.contains("{{") ? new Span(url) : new Anchor(url, url);
        shown.getElement().getStyle().set("overflow-wrap", "anywhere");
        return shown;
    }

    /**
     * Rendered in the browser from the row's data, so a click always acts on the rule the row
     * shows now, even just after the grid was reloaded.
     */
    private LitRenderer<AlertRule> rowActions() {
        return LitRenderer.<AlertRule>of("""
                <vaadin-button theme="small tertiary" aria-label="Edit ${item.name}" @click=${edit}>Edit</vaadin-button>
                <vaadin-button theme="small tertiary" aria-label="${item.toggle} ${item.name}" @click=${toggle}>${item.toggle}</vaadin-button>
                <vaadin-button theme="small tertiary error" aria-label="Delete ${item.name}" @click=${remove}>Delete</vaadin-button>""")
                .withProperty("name", AlertRule::name)
                .withProperty("toggle", rule -> rule.enabled() ? "Disable" : "Enable")
                .withFunction("edit", rule -> new RuleDialog(rules, rule, this::reload).open())
                .withFunction("toggle", rule -> {
                    rules.update(rule.id(), new AlertRule(null, rule.name(), rule.condition(), rule.timing(), rule.labels(),
                            rule.annotations(), !rule.enabled()));
                    reload();
                })
                .withFunction("remove", this::confirmDelete);
    }

    private void confirmDelete(AlertRule rule) {
        DeleteDialog.open(rule.name(), "Its alerts and their history are deleted with it.", () -> {
            rules.delete(rule.id());
            Notification.show("Deleted " + rule.name(), 3_000, Notification.Position.BOTTOM_START);
            reload();
        });
    }

    private void reload() {
        List<AlertRule> all = rules.all();
        grid.setItems(all);
        grid.recalculateColumnWidths();
        long disabled = all.stream().filter(rule -> !rule.enabled()).count();
        summary.setText(all.isEmpty() ? "No rules yet." + (admin ? " Create one, or make an SLO's burn-rate rules." : "")
                : Formats.count(all.size(), "rule") + (disabled == 0 ? "" : " · " + disabled + " disabled"));
    }
}
