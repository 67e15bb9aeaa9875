package io.headroom.scaling;

import java.time.Instant;
import java.util.List;

import io.headroom.kpi.Annotation;
import io.headroom.kpi.AnnotationSource;
import org.springframework.stereotype.Component;

/**
 * The autoscaler's changes on a service's charts, each linked to its evaluation, so "why did it
 * scale?" is one click from the mark.
 */
@Component
class AutoscaleAnnotations implements AnnotationSource {

    private static final int MAX = 500;

    private final ScalingEvaluationRecords evaluations;

    AutoscaleAnnotations(ScalingEvaluationRecords evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public List<Annotation> annotations(String service, Instant from, Instant to) {
        return evaluations.list(service, from, to, true, MAX).stream().filter(ScalingEvaluation::applied)
                .map(evaluation -> {
                    ScalingDecision d = evaluation.decision();
                    String why = d.metricValue() == null ? "" : " (" + d.metric().key() + " " + PolicyEvaluator.number(d.metricValue())
                            + " vs target " + PolicyEvaluator.number(d.target()) + ")";
                    return new Annotation(d.at(), null, "autoscale", "autoscaler: " + d.current() + " → " + d.desired() + why,
                            "scaling/evaluations/" + evaluation.id());
                }).toList();
    }
}
