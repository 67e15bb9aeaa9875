package io.headroom.chaos;

import io.headroom.scaling.FaultActivity;
import org.springframework.stereotype.Component;

/** Tells chaos-aware scaling policies when one of Chaos's faults runs on their service. */
@Component
class ChaosFaultActivity implements FaultActivity {

    private final Chaos chaos;

    ChaosFaultActivity(Chaos chaos) {
        this.chaos = chaos;
    }

    @Override
    public boolean faultInjected(String service) {
        return !chaos.running(service).isEmpty();
    }
}
