package io.headroom.scaling.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.scaling.Scaling;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.ServiceActions;

/** Puts the instance count, and for operators a Scale button, on the page of every service a scale target runs. */
@org.springframework.stereotype.Component
class ScaleActions implements ServiceActions {

    private final Scaling scaling;
    private final LiveRefresh live;
    private final AuthenticationContext authentication;

    ScaleActions(Scaling scaling, LiveRefresh live, AuthenticationContext authentication) {
        this.scaling = scaling;
        this.live = live;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> actionsFor(String service) {
        return scaling.runs(service) ? Optional.of(new ScaleControl(service, scaling, live, authentication.hasRole("OPERATOR"))) : Optional.empty();
    }
}
