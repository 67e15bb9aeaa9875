package io.headroom.chaos;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.headroom.alerting.AlertState;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.Alerts;
import io.headroom.kpi.SloStatus;
import io.headroom.kpi.Slos;
import org.springframework.stereotype.Component;

/**
 * What must be true before an experiment may start, besides its steady state: chaos is not
 * switched off, no incident (a critical alert) is open on the service, none of the alerts that
 * would abort it fires already, and the service's SLO has error budget to spend.
 */
@Component
class ExperimentGuards {

    private final KillSwitchRecords killSwitch;
    private final Alerts alerts;
    private final Slos slos;

    ExperimentGuards(KillSwitchRecords killSwitch, Alerts alerts, Slos slos) {
        this.killSwitch = killSwitch;
        this.alerts = alerts;
        this.slos = slos;
    }

    /** @return why the experiment may not start now; empty when it may */
    Optional<String> refusal(Experiment experiment) {
        KillSwitchState switchState = killSwitch.state();
        if (switchState.engaged()) {
            return Optional.of(switchState.refusal());
        }
        List<AlertView> firing = alerts.list(List.of(AlertState.FIRING), experiment.service());
        Optional<AlertView> incident = firing.stream()
                .filter(alert -> "critical".equals(alert.labels().getOrDefault("severity", "").toLowerCase(Locale.ROOT))).findFirst();
        if (incident.isPresent()) {
            return Optional.of("an incident is open on " + experiment.service() + ": the critical alert " + incident.get().name()
                    + " is firing since " + incident.get().since());
        }
        Optional<AlertView> aborting = firing.stream().filter(alert -> aborts(experiment, alert)).findFirst();
        if (aborting.isPresent()) {
            return Optional.of("the alert " + aborting.get().name() + ", which would abort this experiment, is firing already");
        }
        return slos.status(experiment.service()).flatMap(status -> budgetRefusal(experiment, status));
    }

    /** Whether the alert, firing on the experiment's service, is one of its abort conditions. */
    static boolean aborts(Experiment experiment, AlertView alert) {
        return experiment.abortOnAlerts().contains(alert.name())
                || (experiment.abortOnBurnRate() && AlertView.BURN_RATE.equals(alert.measure()));
    }

    private static Optional<String> budgetRefusal(Experiment experiment, SloStatus status) {
        return status.objectives().stream().filter(o -> o.errorBudgetRemaining() != null)
                .filter(o -> o.errorBudgetRemaining() < experiment.minErrorBudget()).findFirst()
                .map(o -> "%s's %s error budget has %d %% left, below the %d %% this experiment requires".formatted(
                        experiment.service(), o.kind(), Math.round(o.errorBudgetRemaining() * 100),
                        Math.round(experiment.minErrorBudget() * 100)));
    }
}
