package io.headroom.chaos.cmsb;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Services that run Chaos Monkey for Spring Boot, by name, with their actuator's base URL
 * ({@code headroom.chaos.chaos-monkey.services.checkout.url=http://checkout:8080/actuator}) and
 * optional HTTP Basic credentials for it.
 */
@ConfigurationProperties("headroom.chaos.chaos-monkey")
public record ChaosMonkeyProperties(Map<String, Target> services, Duration timeout) {

    public record Target(URI url, String username, String password) {
    }

    public ChaosMonkeyProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
