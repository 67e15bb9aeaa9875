package io.headroom.demo.api;

import java.util.List;
import java.util.Map;

import io.headroom.demo.DemoFleet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo fleet's instances in Prometheus's HTTP service-discovery format, so that any
 * scraper (Headroom's own, or a Prometheus server with {@code http_sd_configs}) finds them as
 * they start and stop, as it would find real services in a registry. One target group per
 * service, labelled with the service as {@code job}. An empty list when the demo is off.
 */
@RestController
class DemoTargetsController {

    private final ObjectProvider<DemoFleet> fleet;

    DemoTargetsController(ObjectProvider<DemoFleet> fleet) {
        this.fleet = fleet;
    }

    record TargetGroup(List<String> targets, Map<String, String> labels) {
    }

    @GetMapping("/api/v1/demo/targets")
    List<TargetGroup> targets() {
        DemoFleet demo = fleet.getIfAvailable();
        if (demo == null) {
            return List.of();
        }
        return demo.instanceAddresses().entrySet().stream()
                .filter(service -> !service.getValue().isEmpty())
                .map(service -> new TargetGroup(service.getValue(), Map.of("job", service.getKey())))
                .toList();
    }
}
