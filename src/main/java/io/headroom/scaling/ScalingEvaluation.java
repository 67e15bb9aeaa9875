package io.headroom.scaling;

/**
 * A recorded evaluation: the decision, and whether its change went through.
 *
 * @param error why the scale target refused the change, null if it did not
 */
public record ScalingEvaluation(long id, long policyId, ScalingDecision decision, boolean applied, String error) {
}
