package io.headroom.scaling.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.headroom.webhook.WebhookSignature;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Services scaled by a receiver of Headroom's scale webhook, by name
 * ({@code headroom.scaling.webhook.services.checkout.url=https://deploy.example/scale/checkout},
 * {@code ….secret=whsec_…}, {@code ….min-instances=2}, {@code ….max-instances=20}); each request
 * is bounded by {@code timeout}. Bad values stop Headroom at start, naming the property.
 */
@ConfigurationProperties("headroom.scaling.webhook")
public record WebhookScaleProperties(Duration timeout, Map<String, Receiver> services) {

    public record Receiver(URI url, String secret, Integer minInstances, Integer maxInstances) {

        public Receiver {
            minInstances = minInstances == null ? 0 : minInstances;
            maxInstances = maxInstances == null ? 100 : maxInstances;
        }
    }

    public WebhookScaleProperties {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        services = services == null ? Map.of() : Map.copyOf(services);
        services.forEach(WebhookScaleProperties::check);
    }

    private static void check(String service, Receiver receiver) {
        String property = "headroom.scaling.webhook.services." + service;
        if (receiver.url() == null || !receiver.url().isAbsolute() || receiver.url().getHost() == null
                || !(receiver.url().getScheme().equals("https") || receiver.url().getScheme().equals("http"))) {
            throw new IllegalArgumentException(property + ".url must be an absolute http(s) URL, was " + receiver.url());
        }
        try {
            WebhookSignature.checkSecret(receiver.secret());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + ".secret: " + e.getMessage());
        }
        if (receiver.minInstances() < 0 || receiver.maxInstances() < Math.max(1, receiver.minInstances())) {
            throw new IllegalArgumentException(property + ": need 0 <= min-instances <= max-instances and max-instances >= 1, was "
                    + receiver.minInstances() + ".." + receiver.maxInstances());
        }
    }
}
