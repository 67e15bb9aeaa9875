package io.headroom.alerting.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.alerting.AlertTransition;
import io.headroom.alerting.AlertValues;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.Alerts;
import io.headroom.alerting.RunbookSource;
import io.headroom.alerting.Silences;
import io.headroom.alerting.ValueHistory;
import io.headroom.ui.Formats;
import io.headroom.ui.MainLayout;
import io.headroom.ui.ServiceActions;
import io.headroom.ui.TimeSeriesChart;
import jakarta.annotation.security.PermitAll;

/**
 * One alert: what it says, its labels, why it is muted, what its rule watched over the last three
 * hours against the threshold (with its state changes marked), its runbook inline (or the link to
 * it), and what an operator can do: silence it, and act on its service.
 */
@PermitAll
@Route(value = "alerts", layout = MainLayout.class)
public class AlertDetailView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final Duration CHART_RANGE = Duration.ofHours(3);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Alerts alerts;
    private final AlertValues values;
    private final Optional<RunbookSource> runbooks;
    private final Silences silences;
    private final List<ServiceActions> actionProviders;
    private final boolean mayAct;
    private final Clock clock;
    private String title = "Alert · Headroom";

    public AlertDetailView(Alerts alerts, AlertValues values, Optional<RunbookSource> runbooks, Silences silences,
            List<ServiceActions> actionProviders, AuthenticationContext authentication, Clock clock) {
        this.alerts = alerts;
        this.values = values;
        this.runbooks = runbooks;
        this.silences = silences;
        this.actionProviders = actionProviders.stream().sorted(Comparator.comparingInt(ServiceActions::order)).toList();
        this.mayAct = authentication.hasRole("OPERATOR");
        this.clock = clock;
        setWidthFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String fingerprint) {
        removeAll();
        Optional<AlertView> found = alerts.find(fingerprint);
        if (found.isEmpty()) {
            add(new H2("No such alert"), new Paragraph("No alert has fingerprint " + fingerprint + ". Its rule may have been deleted."),
                    new Anchor("alerts", "All alerts"));
            return;
        }
        show(found.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(AlertView alert) {
        title = alert.name() + " · " + alert.service() + " · Headroom";
        var heading = new HorizontalLayout(new H2(alert.name().isEmpty() ? alert.fingerprint() : alert.name()),
                AlertBadges.state(alert.state()));
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new Anchor("alerts", "← All alerts"), heading, facts(alert));
        text(alert, "summary").ifPresent(this::add);
        text(alert, "description").ifPresent(this::add);
        add(labels(alert));
        muting(alert).ifPresent(this::add);
        add(actions(alert));
        boolean own = alert.source().equals(AlertView.HEADROOM);
        List<AlertTransition> transitions = own ? alerts.history(alert.fingerprint(), 50) : List.of();
        if (own) {
            add(chart(alert, transitions));
        }
        add(runbook(alert));
        if (own) {
            add(new H3("History"), history(transitions, alert.measure()));
        }
    }

    private Component facts(AlertView alert) {
        var parts = new ArrayList<String>();
        if (!alert.service().isEmpty()) {
            parts.add("service " + alert.service());
        }
        if (alert.since() != null) {
            parts.add(alert.state().name().toLowerCase(Locale.ROOT) + " since " + TIME.format(alert.since()) + " UTC ("
                    + Formats.ago(alert.since(), clock.instant()) + ")");
        }
        if (alert.value() != null) {
            parts.add("value " + AlertValueText.of(alert));
        }
        parts.add(alert.source().equals(AlertView.HEADROOM) ? "raised by Headroom's rule" : "sent by an Alertmanager");
        parts.add("fingerprint " + alert.fingerprint());
        var facts = new Span(String.join(" · ", parts));
        facts.addClassNames(LumoUtility.TextColor.SECONDARY);
        return facts;
    }

    private static Optional<Component> text(AlertView alert, String annotation) {
        String value = alert.annotations().get(annotation);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Paragraph(value));
    }

    private static Component labels(AlertView alert) {
        var labels = new FlexLayout();
        labels.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        labels.getStyle().set("gap", "var(--lumo-space-xs)");
        alert.labels().forEach((name, value) -> {
            var label = new Span(name + "=\"" + value + "\"");
            label.getElement().getThemeList().add("badge contrast");
            labels.add(label);
        });
        return labels;
    }

    private static Optional<Component> muting(AlertView alert) {
        if (!alert.muted()) {
            return Optional.empty();
        }
        var why = new Div();
        alert.silencedBy().forEach(id -> why.add(new Paragraph("Silenced by silence " + id + ": it is not notified.")));
        alert.inhibitedBy().forEach(fingerprint -> {
            var line = new Paragraph("Inhibited by a firing alert: ");
            line.add(new Anchor("alerts/" + fingerprint, fingerprint));
            why.add(line);
        });
        return Optional.of(why);
    }

    private Component actions(AlertView alert) {
        var actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (mayAct) {
            actions.add(new Button("Silence…", click -> new SilenceDialog(silences, clock, alert, this::afterSilence).open()));
            if (!alert.service().isEmpty()) {
                actionProviders.forEach(provider -> provider.actionsFor(alert.service()).ifPresent(actions::add));
            }
        }
        if (!alert.service().isEmpty() && alert.source().equals(AlertView.HEADROOM)) {
            actions.add(new Anchor("services/" + alert.service(), "Service page"), new Anchor("traces?service=" + alert.service(), "Traces"));
        }
        if (alert.source().equals(AlertView.ALERTMANAGER) && alert.generatorUrl() != null) {
            var source = new Anchor(alert.generatorUrl(), "Source");
            source.setTarget("_blank");
            actions.add(source);
        }
        return actions;
    }

    private void afterSilence() {
        getUI().ifPresent(ui -> ui.getPage().reload());
    }

    private Component chart(AlertView alert, List<AlertTransition> transitions) {
        Instant to = clock.instant();
        Instant from = to.minus(CHART_RANGE);
        var chart = new TimeSeriesChart("Value", "");
        chart.setWidthFull();
        chart.setHeight("260px");
        Optional<ValueHistory> history = alerts.findRuleAlert(alert.fingerprint()).flatMap(a -> values.of(a, from, to));
        history.ifPresent(h -> {
            var chartLines = new ArrayList<TimeSeriesChart.Line>();
            chartLines.add(new TimeSeriesChart.Line(h.label() + (h.unit().isEmpty() ? "" : " (" + h.unit() + ")"), "#3d9df2", h.values()));
            if (h.threshold() != null) {
                Double[] threshold = new Double[h.timestamps().length];
                Arrays.fill(threshold, h.threshold());
                chartLines.add(new TimeSeriesChart.Line("threshold", "#e5484d", threshold));
            }
            chart.setData(h.timestamps(), from.getEpochSecond(), to.getEpochSecond(), chartLines);
        });
        chart.setMarkers(transitions.stream().filter(t -> t.at().isAfter(from))
                .map(t -> new TimeSeriesChart.Marker(t.at().getEpochSecond(), null, false, "#f76b15",
                        t.to().name().toLowerCase(Locale.ROOT), null)).toList());
        var section = new VerticalLayout(new H3("What the rule watched (last 3 hours)"), chart);
        section.setPadding(false);
        return section;
    }

    private Component runbook(AlertView alert) {
        var section = new VerticalLayout();
        section.setPadding(false);
        if (alert.runbookUrl() == null) {
            section.add(new H3("Runbook"), new Paragraph("This alert has no runbook. Give its rule a runbook_url annotation: "
                    + "a Headroom runbook (/runbooks/...) or any http(s) page."));
            return section;
        }
        Optional<RunbookSource.InlineRunbook> inline = runbooks.flatMap(source -> source.find(alert.runbookUrl()));
        if (inline.isPresent()) {
            RunbookSource.InlineRunbook runbook = inline.get();
            var heading = new HorizontalLayout(new H3("Runbook: " + runbook.title()), new Anchor(runbook.path(), "Open"));
            heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            var owner = new Span("Owner " + runbook.owner() + " · version " + runbook.version());
            owner.addClassNames(LumoUtility.TextColor.SECONDARY);
            // The runbook module renders Markdown to sanitised HTML (allow-listed tags, no scripts or handlers).
            var body = new Html("<div class=\"runbook-body\">" + runbook.html() + "</div>");
            var box = new Div(body);
            box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "0 var(--lumo-space-m)");
            box.setWidthFull();
            section.add(heading, owner, box);
        } else {
            var link = new Anchor(alert.runbookUrl(), alert.runbookUrl());
            if (!alert.runbookUrl().startsWith("/")) {
                link.setTarget("_blank");
            }
            var line = new Paragraph("The runbook is at ");
            line.add(link);
            section.add(new H3("Runbook"), line);
        }
        return section;
    }

    private Component history(List<AlertTransition> transitions, String measure) {
        var grid = new Grid<AlertTransition>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> TIME.format(t.at()) + " UTC").setHeader("At").setAutoWidth(true);
        grid.addColumn(t -> t.from().name().toLowerCase(Locale.ROOT) + " → " + t.to().name().toLowerCase(Locale.ROOT))
                .setHeader("Change").setAutoWidth(true);
        grid.addColumn(t -> AlertValueText.of(t.value(), measure)).setHeader("Value").setAutoWidth(true);
        grid.setItems(transitions);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        return grid;
    }
}
