package io.headroom.demo;

import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultInjectorContract;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fleet keeps the {@link FaultInjector} contract. */
@DemoFleetTest
class DemoFleetFaultInjectorIT extends FaultInjectorContract {

    @Autowired
    DemoFleet fleet;

    @Override
    protected FaultInjector injector() {
        return fleet;
    }

    @Override
    protected String service() {
        return "billing";
    }
}
