package io.headroom.ingest.otlp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves OTLP on its conventional port (4318, {@code headroom.otlp.port}; 0 picks a free one,
 * -1 turns it off) beside the main port, so SDKs work with their default endpoint. That port
 * answers only the OTLP paths; the UI and API stay on the main port.
 */
@Component
public class OtlpPort extends OncePerRequestFilter implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int configuredPort;
    private volatile Connector connector;

    private final String address;

    /** @param address where the main port listens ({@code server.address}); OTLP listens there too, everywhere when unset */
    OtlpPort(@Value("${headroom.otlp.port:4318}") int configuredPort, @Value("${server.address:}") String address) {
        this.configuredPort = configuredPort;
        this.address = address.isBlank() ? "0.0.0.0" : address;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (configuredPort < 0) {
            return;
        }
        var otlp = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        otlp.setPort(configuredPort);
        otlp.setProperty("address", address);
        this.connector = otlp;
        factory.addAdditionalTomcatConnectors(otlp);
    }

    /** The port OTLP listens on once the server has started, or -1 when it is off. */
    public int port() {
        Connector current = connector;
        return current == null ? -1 : current.getLocalPort();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (connector != null && request.getLocalPort() == port() && !request.getRequestURI().startsWith("/v1/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "this port serves only OTLP: /v1/traces, /v1/metrics, /v1/logs");
            return;
        }
        chain.doFilter(request, response);
    }
}
