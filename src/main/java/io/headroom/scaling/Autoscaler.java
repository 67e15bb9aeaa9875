package io.headroom.scaling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.headroom.security.Role;
import io.headroom.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every enabled policy every {@code headroom.scaling.interval} (15 s, the HPA's sync
 * period) in one transaction holding a PostgreSQL advisory lock, so with several Headroom
 * instances one evaluates at a time. Each evaluation is recorded with its explanation; a change
 * goes through {@link Scaling} as the actor "autoscaler" with the operator role, so it is
 * authorised and audited as a person's would be.
 */
@Component
class Autoscaler {

    private static final Logger log = LoggerFactory.getLogger(Autoscaler.class);
    private static final long LOCK = 0x4845_4144_0009L;
    static final String ACTOR = "autoscaler";
    /** Evaluations are kept this long: long enough to ask why last week's scale-out happened. */
    private static final Duration KEEP = Duration.ofDays(7);

    private final ScalingPolicyRecords policies;
    private final ScalingEvaluationRecords evaluations;
    private final PolicyMetrics metrics;
    private final LoadForecasts forecasts;
    private final Scaling scaling;
    private final List<FaultActivity> faults;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;
    private final Duration interval;

    Autoscaler(ScalingPolicyRecords policies, ScalingEvaluationRecords evaluations, PolicyMetrics metrics, LoadForecasts forecasts,
            Scaling scaling,
            List<FaultActivity> faults, JdbcClient jdbc, TransactionTemplate transactions, SecurityContextHolderStrategy security,
            Clock clock, @Value("${headroom.scaling.interval:15s}") Duration interval) {
        this.policies = policies;
        this.evaluations = evaluations;
        this.metrics = metrics;
        this.forecasts = forecasts;
        this.scaling = scaling;
        this.faults = faults;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.security = security;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(initialDelayString = "${headroom.scaling.interval:15s}", fixedDelayString = "${headroom.scaling.interval:15s}")
    void scheduled() {
        try {
            evaluate();
        } catch (RuntimeException e) {
            log.warn("Autoscaling evaluation failed; the next round tries again", e);
        }
    }

    /** One round. @return the evaluations it recorded; empty when another instance holds the lock */
    List<ScalingEvaluation> evaluate() {
        List<ScalingEvaluation> done = transactions.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single()) {
                return List.of();
            }
            Instant now = clock.instant();
            var recorded = new ArrayList<ScalingEvaluation>();
            for (ScalingPolicy policy : policies.all()) {
                if (policy.enabled() && scaling.runs(policy.service()) && due(policy, now)) {
                    try {
                        recorded.add(evaluate(policy, now));
                    } catch (ScaleTargetUnavailable e) {
                        // One unreachable platform must not stop the other services' policies.
                        log.warn("Autoscaling {} skipped this round: {}", policy.service(), e.getMessage());
                    }
                }
            }
            evaluations.deleteBefore(now.minus(KEEP));
            return recorded;
        });
        return done == null ? List.of() : done;
    }

    /**
     * Whether the policy's last evaluation is an interval old: with several instances each runs its
     * own schedule, and the lock alone would let their rounds come seconds apart.
     */
    private boolean due(ScalingPolicy policy, Instant now) {
        Instant last = evaluations.lastEvaluation(policy.id());
        return last == null || !last.plus(interval).minusSeconds(1).isAfter(now);
    }

    private ScalingEvaluation evaluate(ScalingPolicy policy, Instant now) {
        Instances instances = scaling.instances(policy.service());
        // The count asked for, as the HPA reads the scale subresource's spec: instances starting are capacity on its way.
        int current = instances.desired();
        ScalingPolicy effective = policy.within(instances.min(), instances.max());
        Duration window = max(policy.scaleUp().stabilizationWindow(), policy.scaleDown().stabilizationWindow());
        Duration period = max(policy.scaleUp().longestPeriod(), policy.scaleDown().longestPeriod());
        var input = new PolicyInput(now, current, metrics.read(policy.metric(), policy.service(), current, now),
                evaluations.recommendations(policy.id(), now.minus(window)), evaluations.actions(policy.id(), now.minus(period)),
                evaluations.lastAction(policy.id()), faults.stream().anyMatch(f -> f.faultInjected(policy.service())),
                policy.predictive() == null ? null : forecasts.floor(policy.service(), policy.predictive(), now));
        ScalingDecision evaluated = PolicyEvaluator.evaluate(effective, input);
        ScalingDecision decision = effective == policy ? evaluated : evaluated.withFirstStep("the scale target runs "
                + instances.min() + "–" + instances.max() + " instances: the policy's " + policy.minInstances() + "–"
                + policy.maxInstances() + " is kept within that");
        boolean applied = false;
        String error = null;
        if (decision.action() != ScalingDecision.Action.NONE) {
            try {
                SystemActor.call(security, ACTOR, Role.OPERATOR, () -> scaling.scaleTo(policy.service(), decision.desired()));
                applied = true;
            } catch (RuntimeException e) {
                error = e.getMessage();
                log.warn("Autoscaling {} to {} failed: {}", policy.service(), decision.desired(), e.getMessage());
            }
        }
        long id = evaluations.insert(policy, decision, applied, error);
        return new ScalingEvaluation(id, policy.id(), decision, applied, error);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
