package io.headroom.alerting.ui;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.AlertRule;
import io.headroom.alerting.AlertRules;
import io.headroom.alerting.AlertTiming;
import io.headroom.alerting.Comparison;
import io.headroom.alerting.RuleCondition;
import io.headroom.api.ApiParameters;

/**
 * Creates a threshold rule or edits any rule. A burn-rate rule's condition follows its SLO and is
 * shown, not edited; its name, timing, severity and annotations are. Every error lands under the
 * field it is about, and nothing is saved until the whole rule is valid.
 */
final class RuleDialog extends Dialog {

    private static final List<String> WINDOWS = List.of("1m", "5m", "10m", "15m", "30m", "1h", "6h", "1d");
    private static final List<String> FOR = List.of("0s", "20s", "30s", "1m", "2m", "5m", "10m", "15m", "30m", "1h");
    private static final List<String> KEEP = List.of("0s", "1m", "2m", "5m", "10m", "30m");
    private static final List<String> SEVERITIES = List.of("critical", "warning", "info", "none");

    private final AlertRules rules;
    private final AlertRule editing;
    private final Runnable saved;
    private final TextField name = new TextField("Name");
    private final TextField service = new TextField("Services");
    private final Select<AlertKpi> kpi = new Select<>();
    private final Select<Comparison> comparison = new Select<>();
    private final NumberField threshold = new NumberField("Threshold");
    private final Select<String> window = new Select<>();
    private final Select<String> forDuration = new Select<>();
    private final Select<String> keepFiringFor = new Select<>();
    private final Select<String> severity = new Select<>();
    private final TextField summary = new TextField("Summary");
    private final TextField description = new TextField("Description");
    private final TextField runbookUrl = new TextField("Runbook URL");
    private final Checkbox enabled = new Checkbox("Enabled", true);

    /** @param editing null to create a threshold rule */
    RuleDialog(AlertRules rules, AlertRule editing, Runnable saved) {
        this.rules = rules;
        this.editing = editing;
        this.saved = saved;
        setHeaderTitle(editing == null ? "New alert rule" : "Edit " + editing.name());
        setWidth("52rem");
        configureFields();
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 4));
        form.add(name, 2);
        form.add(severity, enabled);
        if (editing == null || editing.condition() instanceof RuleCondition.Threshold) {
            form.add(service, 4);
            form.add(kpi, comparison, threshold, window);
        } else {
            var burn = (RuleCondition.BurnRate) editing.condition();
            form.add(new Paragraph("Fires when " + burn.service() + "'s SLO burns its error budget at the "
                    + burn.level().name().toLowerCase(java.util.Locale.ROOT) + " level (SRE workbook, multiwindow)."), 4);
        }
        form.add(forDuration, keepFiringFor);
        form.add(summary, 4);
        form.add(description, 4);
        form.add(runbookUrl, 4);
        add(form);
        if (editing != null) {
            show(editing);
        }
        var save = new Button(editing == null ? "Create rule" : "Save", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private void configureFields() {
        name.setHelperText("Like Prometheus alert names: HighP99Latency");
        name.setRequired(true);
        service.setHelperText("A service's name, or a regular expression over whole names: checkout|cart, .*");
        service.setValue(".*");
        kpi.setLabel("KPI");
        kpi.setItems(AlertKpi.values());
        kpi.setItemLabelGenerator(k -> k.key() + (k.unit().isEmpty() ? "" : " (" + k.unit() + ")"));
        kpi.setValue(AlertKpi.P99);
        comparison.setLabel("Is");
        comparison.setItems(Comparison.values());
        comparison.setItemLabelGenerator(Comparison::symbol);
        comparison.setValue(Comparison.ABOVE);
        threshold.setHelperText("Error rate as a fraction: 0.05 is 5 %");
        window.setLabel("Over the last");
        options(window, WINDOWS, "5m");
        forDuration.setLabel("For");
        forDuration.setHelperText("Pending this long before it fires");
        options(forDuration, FOR, "1m");
        keepFiringFor.setLabel("Keep firing for");
        keepFiringFor.setHelperText("After the condition clears");
        options(keepFiringFor, KEEP, "0s");
        severity.setLabel("Severity");
        severity.setItems(SEVERITIES);
        severity.setValue("warning");
        summary.setValue("{{ $labels.service }} {{ $value | humanize }}");
        summary.setHelperText("Templates: {{ $labels.service }}, {{ $value }}, {{ $value | humanize }}");
        runbookUrl.setPlaceholder("/runbooks/high-latency?service={{ $labels.service }}");
        runbookUrl.setHelperText("A Headroom runbook's path or an http(s) URL");
    }

    private static void options(Select<String> select, List<String> choices, String value) {
        select.setItems(choices);
        select.setValue(value);
    }

    private void show(AlertRule rule) {
        name.setValue(rule.name());
        enabled.setValue(rule.enabled());
        if (rule.condition() instanceof RuleCondition.Threshold t) {
            service.setValue(t.servicePattern());
            kpi.setValue(t.kpi());
            comparison.setValue(t.comparison());
            threshold.setValue(t.threshold());
            select(window, WINDOWS, ApiParameters.durationText(t.window()));
        }
        select(forDuration, FOR, ApiParameters.durationText(rule.timing().forDuration()));
        select(keepFiringFor, KEEP, ApiParameters.durationText(rule.timing().keepFiringFor()));
        String level = rule.alertLabels("").get("severity");
        select(severity, SEVERITIES, level == null ? "none" : level);
        summary.setValue(rule.annotations().getOrDefault("summary", ""));
        description.setValue(rule.annotations().getOrDefault("description", ""));
        runbookUrl.setValue(rule.annotations().getOrDefault(AlertRule.RUNBOOK_URL, ""));
    }

    /** Selects {@code value}, adding it to the choices when the API set one the list lacks. */
    private static void select(Select<String> select, List<String> choices, String value) {
        var all = new LinkedHashSet<>(choices);
        all.add(value);
        select.setItems(all);
        select.setValue(value);
    }

    private void save() {
        List<HasValidation> fields = List.of(name, service, threshold, summary, description, runbookUrl);
        fields.forEach(field -> field.setInvalid(false));
        RuleCondition condition;
        if (editing == null || editing.condition() instanceof RuleCondition.Threshold) {
            if (threshold.getValue() == null) {
                invalid(threshold, "A threshold is required");
                return;
            }
            try {
                condition = new RuleCondition.Threshold(service.getValue().trim(), kpi.getValue(), comparison.getValue(),
                        threshold.getValue(), ApiParameters.duration("window", window.getValue()));
            } catch (IllegalArgumentException e) {
                invalid(service, e.getMessage());
                return;
            }
        } else {
            condition = editing.condition();
        }
        AlertRule rule;
        try {
            rule = new AlertRule(null, name.getValue().trim(), condition, new AlertTiming(duration(forDuration), duration(keepFiringFor)),
                    labels(), annotations(), enabled.getValue());
        } catch (IllegalArgumentException e) {
            invalid(fieldFor(e.getMessage()), e.getMessage());
            return;
        }
        try {
            AlertRule stored = editing == null ? rules.create(rule) : rules.update(editing.id(), rule).orElse(null);
            if (stored == null) {
                Notification.show("That rule was deleted meanwhile", 4_000, Notification.Position.BOTTOM_START);
            } else {
                Notification.show((editing == null ? "Created " : "Saved ") + stored.name(), 3_000, Notification.Position.BOTTOM_START);
            }
            close();
            saved.run();
        } catch (AlertRules.NameTaken e) {
            invalid(name, e.getMessage());
        }
    }

    private Map<String, String> labels() {
        var labels = new TreeMap<String, String>();
        if (editing != null) {
            labels.putAll(editing.labels());
        }
        labels.remove("severity");
        if (!severity.getValue().equals("none")) {
            labels.put("severity", severity.getValue());
        }
        return labels;
    }

    private Map<String, String> annotations() {
        var annotations = new TreeMap<String, String>();
        if (editing != null) {
            annotations.putAll(editing.annotations());
        }
        put(annotations, "summary", summary.getValue());
        put(annotations, "description", description.getValue());
        put(annotations, AlertRule.RUNBOOK_URL, runbookUrl.getValue());
        return annotations;
    }

    private static void put(Map<String, String> annotations, String key, String text) {
        if (text == null || text.isBlank()) {
            annotations.remove(key);
        } else {
            annotations.put(key, text.trim());
        }
    }

    /** The rule's own checks name what they refuse; an error goes under the field it names. */
    private HasValidation fieldFor(String message) {
        if (message.startsWith("name")) {
            return name;
        }
        if (message.contains(AlertRule.RUNBOOK_URL)) {
            return runbookUrl;
        }
        return message.startsWith("annotation description") ? description : summary;
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static Duration duration(Select<String> select) {
        return ApiParameters.durationOrZero(select.getLabel(), select.getValue());
    }
}
