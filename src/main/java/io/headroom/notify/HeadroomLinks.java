package io.headroom.notify;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Links back into Headroom for notifications: {@code headroom.public-url} when set (what
 * operators type in a browser), else this instance's own address and port.
 */
@Component
class HeadroomLinks {

    private final Environment environment;

    HeadroomLinks(Environment environment) {
        this.environment = environment;
    }

    String base() {
        String configured = environment.getProperty("headroom.public-url");
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String address = environment.getProperty("server.address", "localhost");
        String host = address.equals("0.0.0.0") || address.equals("::") ? "localhost" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    String alert(String fingerprint) {
        return base() + "/alerts/" + fingerprint;
    }

    /** A runbook path on Headroom made absolute; other links as they are. */
    String absolute(String link) {
        return link != null && link.startsWith("/") ? base() + link : link;
    }
}
