package io.headroom.chaos.ui;

import java.time.Clock;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import io.headroom.chaos.Chaos;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.ServiceActions;

/** Puts the running faults and an Inject fault button on the page of every service an injector reaches. */
@org.springframework.stereotype.Component
class FaultActions implements ServiceActions {

    private final Chaos chaos;
    private final LiveRefresh live;
    private final Clock clock;

    FaultActions(Chaos chaos, LiveRefresh live, Clock clock) {
        this.chaos = chaos;
        this.live = live;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> actionsFor(String service) {
        return chaos.reaches(service) ? Optional.of(new FaultControl(service, chaos, live, clock)) : Optional.empty();
    }
}
