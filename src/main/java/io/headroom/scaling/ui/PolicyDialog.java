package io.headroom.scaling.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.headroom.api.ApiParameters;
import io.headroom.scaling.Backtests;
import io.headroom.scaling.PolicyMetric;
import io.headroom.scaling.Predictive;
import io.headroom.scaling.RateLimit;
import io.headroom.scaling.ScalingBehavior;
import io.headroom.scaling.ScalingPolicies;
import io.headroom.scaling.ScalingPolicy;
import io.headroom.scaling.ScheduledFloor;

/**
 * Creates or edits a target-tracking policy: the metric and its target, the bounds, the
 * scale-down window, a cooldown, one scheduled floor and the predictive floor. Rate limits keep the HPA's defaults
 * (or what the API set). Refusals show under the field they are about.
 */
final class PolicyDialog extends Dialog {

    private final ScalingPolicies policies;
    private final Backtests backtests;
    private final Clock clock;
    private final ScalingPolicy editing;
    private final Select<Duration> backtestWindow = new Select<>();
    private final Select<Duration> backtestWarmup = new Select<>();
    private final BacktestPanel backtest = new BacktestPanel();
    private final Select<String> service = new Select<>();
    private final Select<PolicyMetric> metric = new Select<>();
    private final NumberField target = new NumberField("Target");
    private final NumberField tolerance = new NumberField("Tolerance");
    private final IntegerField min = new IntegerField("Min instances");
    private final IntegerField max = new IntegerField("Max instances");
    private final TextField downWindow = new TextField("Scale-down window");
    private final TextField cooldown = new TextField("Cooldown");
    private final TextField scheduleCron = new TextField("Schedule (cron)");
    private final TextField scheduleZone = new TextField("Time zone");
    private final TextField scheduleDuration = new TextField("For");
    private final IntegerField scheduleMin = new IntegerField("At least");
    private final Checkbox predictive = new Checkbox("Predictive floor: run ahead of the forecast");
    private final TextField season = new TextField("Season");
    private final NumberField perInstance = new NumberField("Req/s per instance");
    private final TextField lead = new TextField("Lead");
    private final Checkbox excludeChaos = new Checkbox("Hold while a fault is injected", true);
    private final Checkbox enabled = new Checkbox("Enabled", true);

    /** @param services the services a scale target runs; @param editing null to create one */
    PolicyDialog(ScalingPolicies policies, Backtests backtests, Clock clock, List<String> services, ScalingPolicy editing,
            Runnable saved) {
        this.policies = policies;
        this.backtests = backtests;
        this.clock = clock;
        this.editing = editing;
        setHeaderTitle(editing == null ? "New scaling policy" : "Scaling policy for " + editing.service());
        setWidth("48rem");
        service.setLabel("Service");
        service.setItems(services);
        metric.setLabel("Keep");
        metric.setItems(PolicyMetric.values());
        metric.setItemLabelGenerator(m -> switch (m) {
            case UTILISATION -> "worker utilisation (0–1)";
            case REQUESTS_PER_INSTANCE -> "requests/s per instance";
            case P99_LATENCY -> "p99 latency (ms)";
            case QUEUE_DEPTH -> "queued requests per instance";
        });
        metric.setValue(PolicyMetric.UTILISATION);
        target.setHelperText("desired = ceil(current × metric / target)");
        tolerance.setValue(ScalingPolicy.DEFAULT_TOLERANCE);
        tolerance.setHelperText("No change while metric/target is within 1 ± this");
        min.setValue(1);
        max.setValue(10);
        downWindow.setValue("300s");
        downWindow.setHelperText("Scale down to the highest recommendation of this window");
        cooldown.setValue("0s");
        cooldown.setHelperText("No change this long after the last");
        scheduleCron.setPlaceholder("0 8 * * MON-FRI");
        scheduleZone.setValue("UTC");
        scheduleDuration.setPlaceholder("10h");
        season.setValue(ApiParameters.durationText(Predictive.DEFAULT_SEASON));
        season.setHelperText("How often the traffic repeats");
        perInstance.setHelperText("What one instance serves at the target");
        lead.setValue(ApiParameters.durationText(Predictive.DEFAULT_LEAD));
        lead.setHelperText("Read the forecast this far ahead");
        predictive.addValueChangeListener(change -> showPredictive(change.getValue()));
        showPredictive(false);
        if (editing != null) {
            show(editing);
        } else if (!services.isEmpty()) {
            service.setValue(services.get(0));
        }
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 4));
        form.add(service, 2);
        form.add(metric, 2);
        form.add(target, tolerance, min, max);
        form.add(downWindow, 2);
        form.add(cooldown, 2);
        form.add(scheduleCron, scheduleZone, scheduleDuration, scheduleMin);
        form.add(predictive, 4);
        form.add(season, perInstance, lead);
        form.add(excludeChaos, 2);
        form.add(enabled, 2);
        add(form, backtest);
        var save = new Button(editing == null ? "Create policy" : "Save", click -> save(saved));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backtestWindow.setItems(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7));
        backtestWindow.setItemLabelGenerator(window -> "over the last " + ApiParameters.durationText(window));
        backtestWindow.setValue(Duration.ofDays(1));
        backtestWindow.setAriaLabel("Backtest window");
        backtestWarmup.setItems(Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Duration.ofMinutes(10));
        backtestWarmup.setItemLabelGenerator(warmup -> warmup.isZero() ? "no warm-up" : ApiParameters.durationText(warmup) + " warm-up");
        backtestWarmup.setWidth("10em");
        backtestWarmup.setValue(Duration.ZERO);
        backtestWarmup.setAriaLabel("Instance warm-up");
        backtestWarmup.setTooltipText("How long an instance the policy adds takes to start: it is paid for meanwhile and "
                + "takes no load");
        var replay = new Button("Backtest", click -> backtest());
        replay.setTooltipText("Replay these settings over recorded traffic: the instances they would have run, the p99 "
                + "they would likely have given, and the cost");
        var left = new HorizontalLayout(replay, backtestWindow, backtestWarmup);
        left.getStyle().set("margin-right", "auto");
        getFooter().add(left, new Button("Cancel", click -> close()), save);
    }

    private void show(ScalingPolicy policy) {
        service.setItems(List.of(policy.service()));
        service.setValue(policy.service());
        service.setReadOnly(true);
        metric.setValue(policy.metric());
        target.setValue(policy.target());
        tolerance.setValue(policy.tolerance());
        min.setValue(policy.minInstances());
        max.setValue(policy.maxInstances());
        downWindow.setValue(ApiParameters.durationText(policy.scaleDown().stabilizationWindow()));
        cooldown.setValue(ApiParameters.durationText(policy.cooldown()));
        if (!policy.schedules().isEmpty()) {
            ScheduledFloor first = policy.schedules().get(0);
            scheduleCron.setValue(first.cron());
            scheduleZone.setValue(first.zone().getId());
            scheduleDuration.setValue(ApiParameters.durationText(first.duration()));
            scheduleMin.setValue(first.minInstances());
        }
        if (policy.predictive() != null) {
            predictive.setValue(true);
            season.setValue(ApiParameters.durationText(policy.predictive().season()));
            perInstance.setValue(policy.predictive().requestsPerInstance());
            lead.setValue(ApiParameters.durationText(policy.predictive().lead()));
        }
        excludeChaos.setValue(policy.excludeChaos());
        enabled.setValue(policy.enabled());
    }

    private void showPredictive(boolean on) {
        season.setEnabled(on);
        perInstance.setEnabled(on);
        lead.setEnabled(on);
    }

    private void save(Runnable saved) {
        ScalingPolicy policy = read();
        if (policy == null) {
            return;
        }
        try {
            if (editing == null) {
                policies.create(policy);
            } else {
                policies.update(editing.id(), policy);
            }
            Notification.show("Saved the policy for " + policy.service(), 3_000, Notification.Position.BOTTOM_START);
            close();
            saved.run();
        } catch (ScalingPolicies.ServiceTaken e) {
            invalid(service, e.getMessage());
        }
    }

    private void backtest() {
        ScalingPolicy policy = read();
        if (policy == null) {
            return;
        }
        var now = clock.instant();
        try {
            backtest.show(backtests.run(policy, now.minus(backtestWindow.getValue()), now, backtestWarmup.getValue()));
        } catch (NoSuchElementException e) {
            Notification.show("Nothing to replay: " + e.getMessage(), 5_000, Notification.Position.BOTTOM_START);
        } catch (Backtests.Busy e) {
            Notification.show(e.getMessage(), 5_000, Notification.Position.BOTTOM_START);
        }
    }

    /** The policy the fields describe, or null with the reason under the field it is about. */
    private ScalingPolicy read() {
        List<HasValidation> fields = List.of(service, target, tolerance, min, max, downWindow, cooldown, scheduleCron, scheduleZone,
                scheduleDuration, scheduleMin, season, perInstance, lead);
        fields.forEach(field -> field.setInvalid(false));
        if (service.getValue() == null) {
            invalid(service, "No service a scale target runs");
            return null;
        }
        if (target.getValue() == null || min.getValue() == null || max.getValue() == null || tolerance.getValue() == null) {
            invalid(target.getValue() == null ? target : tolerance.getValue() == null ? tolerance : min.getValue() == null ? min : max,
                    "Required");
            return null;
        }
        Duration window = parsed(downWindow);
        Duration hold = parsed(cooldown);
        if (window == null || hold == null) {
            return null;
        }
        var schedules = new ArrayList<ScheduledFloor>();
        if (!scheduleCron.getValue().isBlank()) {
            try {
                if (scheduleMin.getValue() == null) {
                    throw new IllegalArgumentException("a schedule needs its minimum instances");
                }
                schedules.add(new ScheduledFloor(scheduleCron.getValue(), ScheduledFloor.zone(scheduleZone.getValue()),
                        duration(scheduleDuration), scheduleMin.getValue()));
            } catch (ApiParameters.BadParameter e) {
                invalid(scheduleDuration, e.getMessage());
                return null;
            } catch (IllegalArgumentException e) {
                invalid(e.getMessage().startsWith("zone") ? scheduleZone : e.getMessage().contains("minimum") ? scheduleMin
                        : e.getMessage().contains("duration") ? scheduleDuration : scheduleCron, e.getMessage());
                return null;
            }
        }
        Predictive forecast = null;
        if (predictive.getValue()) {
            Duration seasonLength = parsed(season);
            Duration leadTime = parsed(lead);
            if (seasonLength == null || leadTime == null) {
                return null;
            }
            Double served = perInstance.getValue() == null && metric.getValue() == PolicyMetric.REQUESTS_PER_INSTANCE
                    ? target.getValue() : perInstance.getValue();
            if (served == null) {
                invalid(perInstance, "Required: the req/s one instance serves at the target");
                return null;
            }
            try {
                forecast = new Predictive(seasonLength, served, leadTime);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                invalid(message.startsWith("predictive.season") ? season : message.startsWith("predictive.lead") ? lead : perInstance,
                        message);
                return null;
            }
        }
        ScalingBehavior down = editing == null ? ScalingBehavior.DEFAULT_DOWN : editing.scaleDown();
        List<RateLimit> downLimits = down.limits();
        ScalingPolicy policy;
        try {
            policy = new ScalingPolicy(null, service.getValue(), metric.getValue(), target.getValue(), tolerance.getValue(),
                    min.getValue(), max.getValue(), editing == null ? ScalingBehavior.DEFAULT_UP : editing.scaleUp(),
                    new ScalingBehavior(window, downLimits), hold, schedules, forecast, excludeChaos.getValue(), enabled.getValue());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            invalid(message.startsWith("target") ? target : message.startsWith("tolerance") ? tolerance
                    : message.startsWith("a schedule") ? scheduleMin : message.startsWith("cooldown") ? cooldown
                    : message.startsWith("a stabilisation") ? downWindow : max, message);
            return null;
        }
        return policy;
    }

    /** The field's duration, or null with the reason under it. */
    private static Duration parsed(TextField field) {
        try {
            return duration(field);
        } catch (ApiParameters.BadParameter e) {
            invalid(field, e.getMessage());
            return null;
        }
    }

    private static Duration duration(TextField field) {
        return ApiParameters.durationOrZero(field.getLabel(), field.getValue().trim());
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
