package io.headroom.demo;

import io.headroom.scaling.ScaleTarget;
import io.headroom.scaling.ScaleTargetContract;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fleet keeps the {@link ScaleTarget} contract. */
@DemoFleetTest
class DemoFleetScaleTargetIT extends ScaleTargetContract {

    @Autowired
    DemoFleet fleet;

    @Override
    protected ScaleTarget target() {
        return fleet;
    }

    @Override
    protected String service() {
        return "auth";
    }
}
