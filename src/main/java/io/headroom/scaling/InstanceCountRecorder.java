package io.headroom.scaling;

import java.time.Clock;
import java.util.List;

import io.headroom.kpi.CapacityLedger;
import io.headroom.kpi.ServicePrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reports every scale target's running instance counts (and list prices) to the kpi ledger
 * every couple of seconds, so cost is computed from the instances that actually ran, including
 * those a target replaced or drained on its own, not from the counts operators asked for.
 */
@Component
class InstanceCountRecorder {

    private static final Logger log = LoggerFactory.getLogger(InstanceCountRecorder.class);

    private final List<ScaleTarget> targets;
    private final CapacityLedger ledger;
    private final ServicePrices prices;
    private final Clock clock;

    InstanceCountRecorder(List<ScaleTarget> targets, CapacityLedger ledger, ServicePrices prices, Clock clock) {
        this.targets = targets;
        this.ledger = ledger;
        this.prices = prices;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${headroom.scaling.instance-record-interval:2s}")
    void record() {
        for (ScaleTarget target : targets) {
            for (String service : target.services()) {
                try {
                    ledger.observe(service, clock.instant(), target.instances(service).current());
                    target.listPricePerInstanceHour(service).ifPresent(price -> prices.offerListPrice(service, price));
                } catch (RuntimeException e) {
                    log.warn("Could not record the instances of {}: {}", service, e.toString());
                }
            }
        }
    }
}
