package io.headroom.alerting.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.InhibitRule;
import io.headroom.alerting.InhibitRules;
import io.headroom.alerting.LabelMatcher;
import io.headroom.alerting.Silence;
import io.headroom.alerting.Silences;
import io.headroom.ui.Formats;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Silences (operators make one with a live preview of the alerts it would mute, and expire them)
 * and inhibition rules (administrators add and delete them): the two ways an alert stays listed
 * but is not notified.
 */
@PermitAll
@Route(value = "alerts/silences", layout = MainLayout.class)
@Menu(title = "Silences", order = 5.2)
@PageTitle("Silences · Headroom")
public class SilencesView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Silences silences;
    private final InhibitRules inhibitRules;
    private final Clock clock;
    private final boolean operator;
    private final boolean admin;
    private final Grid<Silence> silenceGrid = new Grid<>();
    private final Grid<InhibitRule> inhibitGrid = new Grid<>();
    private final Select<String> showing = new Select<>();
    private final TextField matchers = new TextField("Matchers");
    private final Paragraph previewSummary = new Paragraph();
    private final Grid<AlertView> preview = new Grid<>();

    public SilencesView(Silences silences, InhibitRules inhibitRules, AuthenticationContext authentication, Clock clock) {
        this.silences = silences;
        this.inhibitRules = inhibitRules;
        this.clock = clock;
        this.operator = authentication.hasRole("OPERATOR");
        this.admin = authentication.hasRole("ADMIN");
        add(new H2("Silences and inhibition"), new HorizontalLayout(new Anchor("alerts", "Alerts"), new Anchor("alerts/rules", "Alert rules")),
                new Paragraph("A muted alert stays listed but is not notified until its silence ends or its inhibiting alert resolves."));
        if (operator) {
            add(newSilence());
        }
        showing.setLabel("Showing");
        showing.setItems("Active and pending", "All, with expired");
        showing.setValue("Active and pending");
        showing.addValueChangeListener(change -> reloadSilences());
        configureSilences();
        add(new H3("Silences"), showing, silenceGrid);
        configureInhibitRules();
        add(new H3("Inhibition rules"),
                new Paragraph("While an alert matching the source fires, alerts matching the target with the same values of the "
                        + "listed labels are muted (Alertmanager's inhibit_rules)."), inhibitGrid);
        if (admin) {
            add(newInhibitRule());
        }
        reloadSilences();
        reloadInhibitRules();
    }

    private Component newSilence() {
        matchers.setPlaceholder("alertname=\"HighP99Latency\", service=~\"checkout|cart\"");
        matchers.setHelperText("Alertmanager's matchers: = != =~ !~, separated by commas");
        matchers.setValueChangeMode(ValueChangeMode.LAZY);
        matchers.addValueChangeListener(change -> showPreview());
        var length = new Select<String>();
        length.setLabel("For");
        length.setItems(SilenceDialog.LENGTHS.keySet());
        length.setValue("2 hours");
        var comment = new TextArea("Why");
        comment.setPlaceholder("Deploying the fix; ticket OPS-123");
        comment.setHelperText("Required: the next person on call reads it");
        var create = new Button("Create silence", click -> {
            matchers.setInvalid(false);
            comment.setInvalid(false);
            List<LabelMatcher> parsed = parsedMatchers();
            if (parsed == null) {
                return;
            }
            try {
                Instant now = clock.instant();
                Silence made = silences.create(new Silence(null, parsed, now, now.plus(SilenceDialog.LENGTHS.get(length.getValue())), null,
                        comment.getValue(), null));
                Notification.show("Silence " + made.id() + " mutes until " + TIME.format(made.endsAt()) + " UTC", 4_000,
                        Notification.Position.BOTTOM_START);
                matchers.clear();
                comment.clear();
                reloadSilences();
            } catch (IllegalArgumentException e) {
                var field = e.getMessage().startsWith("comment") ? comment : matchers;
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 4));
        form.add(matchers, 3);
        form.add(length);
        form.add(comment, 4);
        configurePreview();
        var section = new VerticalLayout(new H3("New silence"), form, previewSummary, preview, create);
        section.setPadding(false);
        return section;
    }

    private void configurePreview() {
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        preview.addComponentColumn(alert -> AlertBadges.state(alert.state())).setHeader("State").setAutoWidth(true);
        preview.addColumn(AlertView::name).setHeader("Alert").setAutoWidth(true);
        preview.addColumn(AlertView::service).setHeader("Service").setAutoWidth(true);
        preview.addColumn(alert -> alert.labels().entrySet().stream().map(l -> l.getKey() + "=\"" + l.getValue() + "\"")
                .collect(Collectors.joining(" "))).setHeader("Labels").setFlexGrow(3);
        preview.setAllRowsVisible(true);
        preview.setVisible(false);
        preview.setWidthFull();
    }

    /** The matchers typed so far, or null with the reason under the field. */
    private List<LabelMatcher> parsedMatchers() {
        try {
            List<LabelMatcher> parsed = LabelMatcher.parseList(matchers.getValue());
            if (parsed.isEmpty()) {
                throw new IllegalArgumentException("at least one matcher, like service=\"cart\"");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            matchers.setErrorMessage(e.getMessage());
            matchers.setInvalid(true);
            return null;
        }
    }

    private void showPreview() {
        matchers.setInvalid(false);
        if (matchers.getValue().isBlank()) {
            previewSummary.setText("");
            preview.setVisible(false);
            return;
        }
        List<LabelMatcher> parsed = parsedMatchers();
        if (parsed == null) {
            preview.setVisible(false);
            previewSummary.setText("");
            return;
        }
        List<AlertView> matched = silences.preview(parsed);
        previewSummary.setText(matched.isEmpty() ? "Would mute no current alert (it will mute matching alerts that fire later)."
                : "Would mute " + Formats.count(matched.size(), "current alert") + ":");
        preview.setItems(matched);
        preview.setVisible(!matched.isEmpty());
    }

    private void configureSilences() {
        silenceGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        silenceGrid.addComponentColumn(this::state).setHeader("State").setAutoWidth(true).setKey("state");
        silenceGrid.addColumn(s -> s.matchers().stream().map(LabelMatcher::toString).collect(Collectors.joining(", ")))
                .setHeader("Matchers").setFlexGrow(3).setKey("matchers");
        silenceGrid.addColumn(s -> TIME.format(s.startsAt())).setHeader("Starts (UTC)").setAutoWidth(true).setKey("starts");
        silenceGrid.addColumn(s -> TIME.format(s.endsAt()) + ends(s)).setHeader("Ends (UTC)").setAutoWidth(true).setKey("ends");
        silenceGrid.addColumn(Silence::createdBy).setHeader("By").setAutoWidth(true).setKey("by");
        silenceGrid.addColumn(Silence::comment).setHeader("Why").setFlexGrow(3).setKey("comment");
        if (operator) {
            silenceGrid.addComponentColumn(this::expireButton).setHeader("").setAutoWidth(true).setKey("expire");
        }
        silenceGrid.setAllRowsVisible(true);
        silenceGrid.setWidthFull();
    }

    private Component state(Silence silence) {
        Silence.State state = silence.state(clock.instant());
        var badge = new Span(state.name().toLowerCase(Locale.ROOT));
        badge.getElement().getThemeList().add(switch (state) {
            case ACTIVE -> "badge success";
            case PENDING -> "badge";
            case EXPIRED -> "badge contrast";
        });
        return badge;
    }

    private String ends(Silence silence) {
        Duration left = Duration.between(clock.instant(), silence.endsAt());
        if (left.isNegative() || left.isZero()) {
            return "";
        }
        long minutes = Math.max(1, Math.round(left.toSeconds() / 60.0));
        return minutes >= 60 ? " (in " + Math.round(minutes / 60.0) + " h)" : " (in " + minutes + " min)";
    }

    private Component expireButton(Silence silence) {
        if (silence.state(clock.instant()) == Silence.State.EXPIRED) {
            return new Span();
        }
        var expire = new Button("Expire", click -> {
            silences.expire(silence.id());
            Notification.show("Expired: its alerts are notified again", 3_000, Notification.Position.BOTTOM_START);
            reloadSilences();
        });
        expire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        expire.setAriaLabel("Expire the silence " + silence.comment());
        return expire;
    }

    private void reloadSilences() {
        Instant now = clock.instant();
        boolean all = showing.getValue().startsWith("All");
        silenceGrid.setItems(silences.list().stream().filter(s -> all || s.state(now) != Silence.State.EXPIRED).toList());
    }

    private void configureInhibitRules() {
        inhibitGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        inhibitGrid.addColumn(rule -> text(rule.sourceMatchers())).setHeader("While this fires").setFlexGrow(2).setKey("source");
        inhibitGrid.addColumn(rule -> text(rule.targetMatchers())).setHeader("Mute").setFlexGrow(2).setKey("target");
        inhibitGrid.addColumn(rule -> rule.equal().isEmpty() ? "any" : String.join(", ", rule.equal())).setHeader("With equal")
                .setAutoWidth(true).setKey("equal");
        if (admin) {
            inhibitGrid.addComponentColumn(rule -> {
                var delete = new Button("Delete", click -> {
                    inhibitRules.delete(rule.id());
                    reloadInhibitRules();
                });
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                delete.setAriaLabel("Delete the inhibition rule " + rule.id());
                return delete;
            }).setHeader("").setAutoWidth(true).setKey("delete");
        }
        inhibitGrid.setAllRowsVisible(true);
        inhibitGrid.setWidthFull();
    }

    private Component newInhibitRule() {
        var source = new TextField("While this fires");
        source.setPlaceholder("severity=\"critical\"");
        var target = new TextField("Mute");
        target.setPlaceholder("severity=\"warning\"");
        var equal = new TextField("With equal labels");
        equal.setPlaceholder("service");
        equal.setHelperText("Comma-separated label names");
        var add = new Button("Add inhibition rule", click -> {
            source.setInvalid(false);
            target.setInvalid(false);
            equal.setInvalid(false);
            TextField at = source;
            try {
                List<LabelMatcher> sources = LabelMatcher.parseList(source.getValue());
                at = target;
                List<LabelMatcher> targets = LabelMatcher.parseList(target.getValue());
                at = equal;
                List<String> labels = List.of(equal.getValue().split("\\s*,\\s*")).stream().map(String::strip).filter(l -> !l.isEmpty())
                        .toList();
                at = sources.isEmpty() ? source : targets.isEmpty() ? target : equal;
                inhibitRules.create(new InhibitRule(0, sources, targets, labels));
                source.clear();
                target.clear();
                equal.clear();
                reloadInhibitRules();
            } catch (IllegalArgumentException e) {
                at.setErrorMessage(e.getMessage());
                at.setInvalid(true);
            }
        });
        var form = new HorizontalLayout(source, target, equal, add);
        form.setAlignItems(Alignment.BASELINE);
        form.setWidthFull();
        return form;
    }

    private void reloadInhibitRules() {
        inhibitGrid.setItems(inhibitRules.all());
    }

    private static String text(List<LabelMatcher> matchers) {
        return matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(", "));
    }
}
