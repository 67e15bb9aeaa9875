package io.headroom.chaos.api;

import java.time.Instant;
import java.util.List;

import io.headroom.chaos.ExperimentJson;
import io.headroom.chaos.SteadyStateProposal;

/** Proposed steady-state bounds, in the shape an experiment's {@code steadyState} takes them. */
record ProposalJson(String service, Instant from, Instant to, long requests, Double p99Ms, Double errorRate,
        List<ExperimentJson.ConditionJson> steadyState) {

    static ProposalJson of(SteadyStateProposal p) {
        return new ProposalJson(p.service(), p.from(), p.to(), p.requests(), p.p99Ms(), p.errorRate(),
                p.conditions().stream().map(ExperimentJson::condition).toList());
    }
}
