package io.headroom.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSummary;
import io.headroom.kpi.SloStatus;
import io.headroom.kpi.Slos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every enabled rule against the KPIs every {@code headroom.alerting.interval} (10 s
 * by default), in one transaction that holds a PostgreSQL advisory lock, so with several
 * Headroom instances exactly one evaluates at a time and the others skip the round. Each alert's
 * state is written back and each change recorded and published as {@link AlertStateChanged}
 * inside the same transaction: the notification outbox commits with it or not at all.
 *
 * <p>An alert whose rule no longer covers its service (the service went away, the rule's pattern
 * changed) is evaluated as a gap, so a firing one resolves after its {@code keep_firing_for}
 * rather than firing for ever; a disabled rule's alerts resolve at once.
 */
@Component
class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final long LOCK = 0x4845_4144_0007L;
    /** Alerts no rule covers any more are forgotten this long after they stopped firing. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final AlertRuleRecords rules;
    private final AlertRecords alerts;
    private final ServiceKpis kpis;
    private final Slos slos;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlertEvaluator(AlertRuleRecords rules, AlertRecords alerts, ServiceKpis kpis, Slos slos, ApplicationEventPublisher events,
            JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.kpis = kpis;
        this.slos = slos;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${headroom.alerting.interval:10s}", fixedDelayString = "${headroom.alerting.interval:10s}")
    void scheduled() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Alert evaluation failed; the next round tries again", e);
        }
    }

    /** One round. @return the state changes it made; empty when another instance holds the lock */
    List<AlertStateChanged> evaluate() {
        List<AlertStateChanged> changes = transactions.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return List.of();
            }
            return evaluateLocked(clock.instant());
        });
        return changes == null ? List.of() : changes;
    }

    private List<AlertStateChanged> evaluateLocked(Instant now) {
        Map<String, RuleAlert> previous = alerts.all();
        var existing = new HashMap<>(previous);
        List<AlertRule> enabled = rules.all().stream().filter(AlertRule::enabled).toList();
        if (enabled.isEmpty() && existing.isEmpty()) {
            return List.of();
        }
        var readings = new Readings(now);
        var next = new ArrayList<RuleAlert>();
        var changes = new ArrayList<AlertStateChanged>();
        for (AlertRule rule : enabled) {
            for (Reading reading : readings.of(rule.condition())) {
                Map<String, String> labels = rule.alertLabels(reading.service());
                String fingerprint = Fingerprints.of(labels);
                RuleAlert before = existing.remove(fingerprint);
                Alert state = AlertStateMachine.next(before == null ? Alert.INACTIVE : before.alert(), rule.timing(), now,
                        reading.breached(), reading.value());
                next.add(new RuleAlert(fingerprint, rule.id(), rule.name(), reading.service(), labels,
                        rule.renderAnnotations(labels, state.value()), state, now));
            }
        }
        var forgotten = new ArrayList<String>();
        for (RuleAlert orphan : existing.values()) {
            Optional<AlertRule> rule = enabled.stream().filter(r -> r.id() == orphan.ruleId()).findFirst();
            Alert state = rule.isPresent()
                    ? AlertStateMachine.next(orphan.alert(), rule.get().timing(), now, false, null)
                    : AlertStateMachine.next(orphan.alert(), AlertTiming.IMMEDIATE, now, false, null);
            boolean quiet = state.state() == AlertState.INACTIVE
                    || state.state() == AlertState.RESOLVED && !state.resolvedAt().plus(FORGET_AFTER).isAfter(now);
            if (quiet && orphan.state() == state.state()) {
                forgotten.add(orphan.fingerprint());
            } else {
                next.add(new RuleAlert(orphan.fingerprint(), orphan.ruleId(), orphan.rule(), orphan.service(), orphan.labels(),
                        orphan.annotations(), state, now));
            }
        }
        alerts.save(next);
        alerts.delete(forgotten);
        for (RuleAlert alert : next) {
            RuleAlert before = previous.get(alert.fingerprint());
            AlertState from = before == null ? AlertState.INACTIVE : before.state();
            if (from != alert.state()) {
                var change = new AlertStateChanged(alert, from, now);
                alerts.recordTransition(change);
                events.publishEvent(change);
                changes.add(change);
            }
        }
        return changes;
    }

    private record Reading(String service, Double value, boolean breached) {
    }

    /** The KPI readings of one round, each window's summaries read once whatever the number of rules. */
    private final class Readings {

        private final Instant now;
        private final Map<Duration, List<ServiceSummary>> summaries = new HashMap<>();

        Readings(Instant now) {
            this.now = now;
        }

        List<Reading> of(RuleCondition condition) {
            if (condition instanceof RuleCondition.Threshold threshold) {
                var readings = new ArrayList<Reading>();
                for (ServiceSummary summary : summaries.computeIfAbsent(threshold.window(), w -> kpis.summaries(now.minus(w), now))) {
                    if (threshold.covers(summary.service())) {
                        Double value = threshold.kpi().read(summary);
                        readings.add(new Reading(summary.service(), value,
                                value != null && threshold.comparison().holds(value, threshold.threshold())));
                    }
                }
                return readings;
            }
            RuleCondition.BurnRate burn = (RuleCondition.BurnRate) condition;
            Optional<SloStatus> status = slos.status(burn.service());
            if (status.isEmpty()) {
                return List.of();
            }
            String window = burn.level() == BurnLevel.PAGE ? "1h" : "1d";
            Double value = status.get().objectives().stream().map(o -> o.burnRates().get(window))
                    .filter(java.util.Objects::nonNull).max(Double::compare).orElse(null);
            return List.of(new Reading(burn.service(), value, burn.level().reachedBy(status.get().alert())));
        }
    }
}
