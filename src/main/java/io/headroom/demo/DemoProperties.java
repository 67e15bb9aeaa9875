package io.headroom.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fleet starts unless {@code headroom.demo.enabled=false}.
 *
 * @param rps requests per second the load generator sends to the gateway (base rate)
 * @param otlpEndpoint where the fleet exports telemetry; empty means this Headroom's own main port
 * @param services per-service overrides of the shop's defaults, by service name
 */
@ConfigurationProperties("headroom.demo")
public record DemoProperties(Double rps, String otlpEndpoint, java.util.Map<String, ServiceOverride> services) {

    /** Any field left out keeps the shop's default for that service. */
    public record ServiceOverride(Double medianMs, Double sigma, Integer concurrency, Integer queue, Double pricePerHour) {
    }

    public DemoProperties {
        rps = rps == null ? 50.0 : rps;
        services = services == null ? java.util.Map.of() : java.util.Map.copyOf(services);
        if (rps < 0 || rps > 2_000) {
            throw new IllegalArgumentException("headroom.demo.rps must be between 0 and 2000, was " + rps);
        }
    }
}
