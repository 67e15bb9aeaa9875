package io.headroom.scaling;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import io.headroom.kpi.CapacityLedger;
import io.headroom.kpi.ReportedInstances;
import io.headroom.kpi.ServicePrices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reports every scale target's running instance counts (and list prices) to the kpi ledger
 * every couple of seconds, so cost is computed from the instances that actually ran, including
 * those a target replaced or drained on its own, not from the counts operators asked for.
 * Services no target runs get the count their metrics report ({@link ReportedInstances}), less
 * often, as scrapes come every 15 s or so.
 */
@Component
class InstanceCountRecorder {

    private static final Logger log = LoggerFactory.getLogger(InstanceCountRecorder.class);

    private final List<ScaleTarget> targets;
    private final CapacityLedger ledger;
    private final ServicePrices prices;
    private final ReportedInstances reported;
    private final Clock clock;

    InstanceCountRecorder(List<ScaleTarget> targets, CapacityLedger ledger, ServicePrices prices, ReportedInstances reported,
            Clock clock) {
        this.targets = targets;
        this.ledger = ledger;
        this.prices = prices;
        this.reported = reported;
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

    @Scheduled(initialDelayString = "${headroom.scaling.reported-instances-interval:15s}",
            fixedDelayString = "${headroom.scaling.reported-instances-interval:15s}")
    void recordReported() {
        Instant now = clock.instant();
        try {
            var run = new HashSet<String>();
            targets.forEach(target -> run.addAll(target.services()));
            reported.count(now).forEach((service, instances) -> {
                if (!run.contains(service)) {
                    ledger.observe(service, now, instances);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not count the instances services report in their metrics: {}", e.toString());
        }
    }
}
