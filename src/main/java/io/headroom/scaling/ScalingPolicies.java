package io.headroom.scaling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Autoscaling policies (one per service) and their evaluations: read by anyone signed in,
 * changed by operators (a policy acts on the services as scaling by hand does), every change audited.
 */
@Service
public class ScalingPolicies {

    /** The service has a policy already. */
    public static final class ServiceTaken extends RuntimeException {
        ServiceTaken(String service) {
            super("'" + service + "' has a scaling policy already: change that one", null, false, false);
        }
    }

    private final ScalingPolicyRecords records;
    private final ScalingEvaluationRecords evaluations;
    private final Clock clock;

    ScalingPolicies(ScalingPolicyRecords records, ScalingEvaluationRecords evaluations, Clock clock) {
        this.records = records;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    public List<ScalingPolicy> all() {
        return records.all();
    }

    public Optional<ScalingPolicy> find(long id) {
        return records.find(id);
    }

    @PreAuthorize(Roles.OPERATOR)
    @Audited("scaling.policy-create")
    public ScalingPolicy create(ScalingPolicy policy) {
        try {
            return policy.withId(records.insert(policy, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ServiceTaken(policy.service());
        }
    }

    @PreAuthorize(Roles.OPERATOR)
    @Audited("scaling.policy-update")
    public Optional<ScalingPolicy> update(long id, ScalingPolicy policy) {
        try {
            return records.update(id, policy, clock.instant()) ? Optional.of(policy.withId(id)) : Optional.empty();
        } catch (DuplicateKeyException e) {
            throw new ServiceTaken(policy.service());
        }
    }

    @PreAuthorize(Roles.OPERATOR)
    @Audited("scaling.policy-delete")
    public boolean delete(long id) {
        return records.delete(id);
    }

    /** A service's evaluations in a range, newest first; {@code changesOnly}: those that decided to scale. */
    public List<ScalingEvaluation> evaluations(String service, Instant from, Instant to, boolean changesOnly, int limit) {
        return evaluations.list(service, from, to, changesOnly, limit);
    }

    public Optional<ScalingEvaluation> evaluation(long id) {
        return evaluations.find(id);
    }
}
