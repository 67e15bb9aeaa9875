package io.headroom.scaling.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import io.headroom.scaling.Scaling;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.ServiceActions;

/** Puts the instance count and a Scale button on the page of every service a scale target runs. */
@org.springframework.stereotype.Component
class ScaleActions implements ServiceActions {

    private final Scaling scaling;
    private final LiveRefresh live;

    ScaleActions(Scaling scaling, LiveRefresh live) {
        this.scaling = scaling;
        this.live = live;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> actionsFor(String service) {
        return scaling.runs(service) ? Optional.of(new ScaleControl(service, scaling, live)) : Optional.empty();
    }
}
