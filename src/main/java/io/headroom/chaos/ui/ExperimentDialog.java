package io.headroom.chaos.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Comparison;
import io.headroom.chaos.Chaos;
import io.headroom.chaos.Experiment;
import io.headroom.chaos.Experiments;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import io.headroom.chaos.SteadyStateCondition;
import io.headroom.chaos.SteadyStateProposal;
import io.headroom.schedule.CronSchedule;
import io.headroom.ui.Formats;

/**
 * Creates or edits an experiment: one fault (faults and conditions beyond what the form shows,
 * set through the API, are kept), the steady state as p99 and error-rate bounds (proposed from
 * the service's last 7 days when a service is picked), and the abort conditions. Refusals show
 * under the field they are about.
 */
final class ExperimentDialog extends Dialog {

    private final Experiments experiments;
    private final Experiment editing;
    private final TextField name = new TextField("Name");
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final Select<FaultType> type = new Select<>();
    private final NumberField magnitude = new NumberField("Magnitude");
    private final NumberField percentage = new NumberField("Share of requests (%)");
    private final NumberField instanceShare = new NumberField("Share of instances (%)");
    private final IntegerField duration = new IntegerField("Duration (s)");
    private final NumberField p99 = new NumberField("p99 below (ms)");
    private final NumberField errorRate = new NumberField("Error rate below (%)");
    private final Paragraph proposal = new Paragraph();
    private final IntegerField grace = new IntegerField("Grace (s)");
    private final TextField abortAlerts = new TextField("Abort when these alerts fire");
    private final Checkbox abortOnBurnRate = new Checkbox("Abort when an SLO burn-rate alert fires", true);
    private final NumberField minBudget = new NumberField("Min error budget (%)");
    private final IntegerField recovery = new IntegerField("Check again after (s)");
    private final TextField scheduleCron = new TextField("GameDay schedule (cron)");
    private final TextField scheduleZone = new TextField("Time zone");

    /** @param editing null to create one */
    ExperimentDialog(Experiments experiments, Chaos chaos, Experiment editing, Runnable saved) {
        this.experiments = experiments;
        this.editing = editing;
        setHeaderTitle(editing == null ? "New chaos experiment" : "Experiment " + editing.name());
        setWidth("52rem");
        service.setItems(chaos.services());
        service.setHelperText("Services a fault injector reaches");
        service.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                propose(change.getValue());
            }
        });
        type.setLabel("Fault");
        type.setItems(FaultType.values());
        type.setItemLabelGenerator(t -> switch (t) {
            case LATENCY -> "latency";
            case ERROR -> "errors";
            case KILL -> "instance kill";
            case CPU -> "CPU burn";
        });
        type.addValueChangeListener(change -> describeMagnitude(change.getValue()));
        type.setValue(FaultType.LATENCY);
        percentage.setValue(100.0);
        instanceShare.setValue(100.0);
        instanceShare.setHelperText("Picked when it starts, at least one");
        duration.setValue(120);
        duration.setHelperText("10 to 3600");
        grace.setValue(0);
        grace.setHelperText("0: abort at the first check that sees a breach");
        abortAlerts.setPlaceholder("HighP99Latency, ErrorBudgetBurn");
        abortAlerts.setHelperText("Alert rule names, comma-separated, firing on the service");
        minBudget.setValue(Formats.percentOf(Experiment.DEFAULT_MIN_ERROR_BUDGET));
        minBudget.setHelperText("Refused with less of the SLO's budget left");
        recovery.setValue((int) Experiment.DEFAULT_RECOVERY.toSeconds());
        recovery.setHelperText("The steady state is checked again after the rollback");
        p99.setHelperText("Over the last minute's requests");
        scheduleCron.setPlaceholder("0 10 * * THU");
        scheduleCron.setHelperText("Empty: it starts only when someone starts it");
        scheduleZone.setValue("UTC");
        if (editing != null) {
            show(editing);
        }
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 4));
        form.add(name, 2);
        form.add(service, 2);
        form.add(type, magnitude, percentage, instanceShare);
        form.add(duration, grace, recovery, minBudget);
        form.add(p99, 2);
        form.add(errorRate, 2);
        form.add(proposal, 4);
        form.add(abortAlerts, 4);
        form.add(abortOnBurnRate, 4);
        form.add(scheduleCron, 3);
        form.add(scheduleZone);
        add(form);
        var save = new Button(editing == null ? "Create experiment" : "Save", click -> save(saved));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private void describeMagnitude(FaultType fault) {
        if (fault == null) {
            return;
        }
        magnitude.setLabel(fault.magnitudeLabel());
        magnitude.setHelperText(fault.magnitudeRange());
        // An experiment starts from a fault that should break a typical steady state (p99 < 300 ms).
        magnitude.setValue(fault == FaultType.LATENCY ? 800.0 : fault.defaultMagnitude());
        boolean perRequest = fault.hitsRequests();
        percentage.setEnabled(perRequest);
        if (!perRequest) {
            percentage.setValue(100.0);
        }
        instanceShare.setEnabled(fault != FaultType.KILL);
        if (fault == FaultType.KILL) {
            instanceShare.setValue(100.0);
        }
    }

    private void propose(String picked) {
        try {
            SteadyStateProposal proposed = experiments.proposal(picked);
            if (proposed.conditions().isEmpty()) {
                proposal.setText("No requests from " + picked + " in the last 7 days: set the bounds yourself.");
                return;
            }
            for (SteadyStateCondition condition : proposed.conditions()) {
                if (condition.kpi() == AlertKpi.P99) {
                    p99.setValue(condition.threshold());
                } else if (condition.kpi() == AlertKpi.ERROR_RATE) {
                    errorRate.setValue(Formats.percentOf(condition.threshold()));
                }
            }
            proposal.setText("Proposed from the last 7 days (p99 " + Math.round(proposed.p99Ms()) + " ms, error rate "
                    + String.format(Locale.ROOT, "%.2f", proposed.errorRate() * 100) + " %, " + proposed.requests()
                    + " requests), with a margin.");
        } catch (NoSuchElementException e) {
            proposal.setText(picked + " has sent no telemetry yet: set the bounds yourself.");
        }
    }

    private void show(Experiment e) {
        name.setValue(e.name());
        service.setValue(e.service());
        FaultSpec first = e.faults().get(0);
        type.setValue(first.type());
        magnitude.setValue(first.magnitude());
        percentage.setValue(first.percentage());
        instanceShare.setValue(first.instancePercentage());
        duration.setValue((int) e.duration().toSeconds());
        p99.setValue(bound(e, AlertKpi.P99).orElse(null));
        errorRate.setValue(bound(e, AlertKpi.ERROR_RATE).map(Formats::percentOf).orElse(null));
        grace.setValue((int) e.grace().toSeconds());
        abortAlerts.setValue(String.join(", ", e.abortOnAlerts()));
        abortOnBurnRate.setValue(e.abortOnBurnRate());
        minBudget.setValue(Formats.percentOf(e.minErrorBudget()));
        recovery.setValue((int) e.recovery().toSeconds());
        if (e.schedule() != null) {
            scheduleCron.setValue(e.schedule().cron());
            scheduleZone.setValue(e.schedule().zone().getId());
        }
        List<String> kept = new ArrayList<>();
        e.faults().stream().skip(1).map(FaultSpec::describe).forEach(kept::add);
        e.steadyState().stream().filter(c -> !shownByTheForm(c)).map(SteadyStateCondition::describe).forEach(kept::add);
        if (!kept.isEmpty()) {
            proposal.setText("Also kept (set through the API): " + String.join("; ", kept));
        }
    }

    private static Optional<Double> bound(Experiment e, AlertKpi kpi) {
        return e.steadyState().stream().filter(c -> c.kpi() == kpi && c.comparison() == Comparison.BELOW).findFirst()
                .map(SteadyStateCondition::threshold);
    }

    private static boolean shownByTheForm(SteadyStateCondition c) {
        return c.comparison() == Comparison.BELOW && (c.kpi() == AlertKpi.P99 || c.kpi() == AlertKpi.ERROR_RATE);
    }

    private void save(Runnable saved) {
        List<HasValidation> fields = List.of(name, service, magnitude, percentage, instanceShare, duration, p99, errorRate, grace, abortAlerts, minBudget,
                recovery, scheduleCron, scheduleZone);
        fields.forEach(field -> field.setInvalid(false));
        for (var required : List.of(duration, grace, recovery)) {
            if (required.getValue() == null) {
                invalid(required, "Required: a whole number of seconds");
                return;
            }
        }
        for (var required : List.of(magnitude, percentage, instanceShare, minBudget)) {
            if (required.getValue() == null) {
                invalid(required, "Required");
                return;
            }
        }
        Experiment experiment;
        try {
            var faults = new ArrayList<FaultSpec>();
            faults.add(new FaultSpec(type.getValue(), magnitude.getValue(), 0, percentage.getValue(), Duration.ZERO,
                    instanceShare.getValue()));
            if (editing != null) {
                editing.faults().stream().skip(1).forEach(faults::add);
            }
            var conditions = new ArrayList<SteadyStateCondition>();
            if (p99.getValue() != null) {
                conditions.add(new SteadyStateCondition(AlertKpi.P99, Comparison.BELOW, p99.getValue()));
            }
            if (errorRate.getValue() != null) {
                conditions.add(new SteadyStateCondition(AlertKpi.ERROR_RATE, Comparison.BELOW, Formats.fractionOf(errorRate.getValue())));
            }
            if (editing != null) {
                editing.steadyState().stream().filter(c -> !shownByTheForm(c)).forEach(conditions::add);
            }
            List<String> alerts = Arrays.stream(abortAlerts.getValue().split(",")).map(String::strip).filter(a -> !a.isEmpty())
                    .collect(Collectors.toList());
            experiment = new Experiment(null, name.getValue().strip(), service.getValue(), faults, Duration.ofSeconds(duration.getValue()),
                    conditions, Duration.ofSeconds(grace.getValue()), alerts, abortOnBurnRate.getValue(), Formats.fractionOf(minBudget.getValue()),
                    Duration.ofSeconds(recovery.getValue()), schedule()).validated();
            if (editing == null) {
                experiments.create(experiment);
            } else {
                experiments.update(editing.id(), experiment);
            }
        } catch (Experiments.NameTaken e) {
            invalid(name, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            invalid(fieldFor(e.getMessage()), e.getMessage());
            return;
        }
        Notification.show("Saved the experiment " + experiment.name(), 3_000, Notification.Position.BOTTOM_START);
        close();
        saved.run();
    }

    private CronSchedule schedule() {
        return scheduleCron.getValue().isBlank() ? null
                : new CronSchedule(scheduleCron.getValue(), CronSchedule.zone(scheduleZone.getValue()));
    }

    /** The field a refusal is about, by the name the message starts with. */
    private HasValidation fieldFor(String message) {
        if (message.startsWith("name")) {
            return name;
        }
        if (message.startsWith("service") || message.startsWith("no fault injector")) {
            return service;
        }
        if (message.startsWith("duration")) {
            return duration;
        }
        if (message.startsWith("faults[0]: percentage")) {
            return percentage;
        }
        if (message.startsWith("faults[0]: instancePercentage")) {
            return instanceShare;
        }
        if (message.startsWith("faults")) {
            return magnitude;
        }
        if (message.startsWith("steadyState") || message.startsWith("the threshold of p99")) {
            return p99;
        }
        if (message.startsWith("error_rate") || message.startsWith("the threshold of error_rate")) {
            return errorRate;
        }
        if (message.startsWith("grace")) {
            return grace;
        }
        if (message.startsWith("abortOnAlerts")) {
            return abortAlerts;
        }
        if (message.startsWith("zone")) {
            return scheduleZone;
        }
        if (message.startsWith("cron") || message.startsWith("a schedule")) {
            return scheduleCron;
        }
        if (message.startsWith("minErrorBudget")) {
            return minBudget;
        }
        return recovery;
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
