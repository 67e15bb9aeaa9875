package io.headroom.alerting.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.headroom.alerting.AlertState;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.Alerts;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Every alert, Headroom's and those Alertmanagers sent, firing first: state, name, service, since
 * when, value, why it is muted, and its runbook. Labels and annotations are text, whatever they
 * hold. A row opens the alert's page.
 */
@PermitAll
@Route(value = "alerts", layout = MainLayout.class)
@PageTitle("Alerts · Headroom")
@Menu(title = "Alerts", order = 5)
public class AlertsView extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Map<String, List<AlertState>> SHOWING = Map.of(
            "Firing and pending", Alerts.ACTIVE,
            "Firing", List.of(AlertState.FIRING),
            "All, with resolved", List.of(AlertState.FIRING, AlertState.PENDING, AlertState.RESOLVED));

    private final Clock clock;
    private final Grid<AlertView> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Select<String> showing = new Select<>();
    private final LiveRefresh.Handle refresh;

    public AlertsView(Alerts alerts, LiveRefresh live, Clock clock) {
        this.clock = clock;
        showing.setLabel("Showing");
        showing.setItems("Firing and pending", "Firing", "All, with resolved");
        showing.setValue("Firing and pending");
        configureGrid();
        var links = new HorizontalLayout(new Anchor("alerts/rules", "Alert rules"), new Anchor("alerts/silences", "Silences and inhibition"));
        add(new H2("Alerts"), links, showing, summary, grid);
        setSizeFull();
        refresh = live.whileAttached(this, REFRESH, () -> alerts.list(SHOWING.get(showing.getValue()), null), this::show);
        showing.addValueChangeListener(change -> refresh.now());
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(alert -> AlertBadges.state(alert.state())).setHeader("State").setAutoWidth(true).setKey("state");
        grid.addComponentColumn(this::name).setHeader("Alert").setFlexGrow(2).setWidth("16em").setKey("name");
        grid.addColumn(AlertView::service).setHeader("Service").setAutoWidth(true).setKey("service");
        grid.addColumn(alert -> alert.since() == null ? "" : Formats.ago(alert.since(), clock.instant())).setHeader("Since")
                .setAutoWidth(true).setKey("since");
        grid.addColumn(AlertValueText::of).setHeader("Value").setAutoWidth(true)
                .setKey("value");
        grid.addColumn(alert -> alert.annotations().getOrDefault("summary", "")).setHeader("Summary").setFlexGrow(3).setWidth("18em").setKey("summary");
        grid.addComponentColumn(AlertsView::muted).setHeader("Muted").setAutoWidth(true).setKey("muted");
        grid.addComponentColumn(AlertsView::runbook).setHeader("Runbook").setAutoWidth(true).setKey("runbook");
        grid.addColumn(AlertView::source).setHeader("Source").setAutoWidth(true).setKey("source");
        grid.setSizeFull();
    }

    private Component name(AlertView alert) {
        // An Alertmanager's alert name is whatever it sent: an Anchor's text is text, never markup.
        var link = new Anchor("alerts/" + alert.fingerprint(), alert.name().isEmpty() ? alert.fingerprint() : alert.name());
        link.getElement().setAttribute("title", alert.labels().entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"").collect(Collectors.joining(" ")));
        return link;
    }

    private static Component muted(AlertView alert) {
        if (!alert.silencedBy().isEmpty()) {
            return AlertBadges.muted("silenced");
        }
        return alert.inhibitedBy().isEmpty() ? new Span() : AlertBadges.muted("inhibited");
    }

    private static Component runbook(AlertView alert) {
        if (alert.runbookUrl() == null) {
            return new Span();
        }
        var link = new Anchor(alert.runbookUrl(), "Runbook");
        if (!alert.runbookUrl().startsWith("/")) {
            link.setTarget("_blank");
        }
        return link;
    }

    private void show(List<AlertView> alerts) {
        grid.setItems(alerts);
        long firing = alerts.stream().filter(a -> a.state() == AlertState.FIRING).count();
        long muted = alerts.stream().filter(AlertView::muted).count();
        summary.setText(alerts.isEmpty() ? "No alerts " + showing.getValue().toLowerCase(Locale.ROOT) + "."
                : Formats.count(alerts.size(), "alert") + " · " + firing + " firing · " + muted + " muted");
    }
}
