package io.headroom.chaos.ui;

import java.time.Clock;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.chaos.Chaos;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.ServiceActions;

/** For operators: the running faults and an Inject fault button on the page of every service an injector reaches. */
@org.springframework.stereotype.Component
class FaultActions implements ServiceActions {

    private final Chaos chaos;
    private final LiveRefresh live;
    private final Clock clock;
    private final AuthenticationContext authentication;

    FaultActions(Chaos chaos, LiveRefresh live, Clock clock, AuthenticationContext authentication) {
        this.chaos = chaos;
        this.live = live;
        this.clock = clock;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> actionsFor(String service) {
        // Viewers see faults as they happen on the charts; the controls to start and stop them are an operator's.
        return authentication.hasRole("OPERATOR") && chaos.reaches(service) ? Optional.of(new FaultControl(service, chaos, live, clock)) : Optional.empty();
    }
}
