package io.headroom.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fleet starts unless {@code headroom.demo.enabled=false}.
 *
 * @param rps requests per second the load generator sends to the gateway (base rate)
 * @param otlpEndpoint where the fleet exports telemetry; empty means this Headroom's own main port
 */
@ConfigurationProperties("headroom.demo")
public record DemoProperties(Double rps, String otlpEndpoint) {

    public DemoProperties {
        rps = rps == null ? 50.0 : rps;
        if (rps < 0 || rps > 2_000) {
            throw new IllegalArgumentException("headroom.demo.rps must be between 0 and 2000, was " + rps);
        }
    }
}
