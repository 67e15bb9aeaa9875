package io.headroom.demo;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fleet starts unless {@code headroom.demo.enabled=false}.
 *
 * @param rps base requests per second the load generator sends to the gateway
 * @param pattern how the rate moves around the base: a compressed day and bursts
 * @param otlpEndpoint where the fleet exports OTLP (base URL); empty means this Headroom's own main port
 * @param jaegerEndpoint where the Jaeger-instrumented service reports (collector URL); empty means this Headroom's /api/traces
 * @param metricInterval how often the OpenTelemetry SDKs export metrics
 * @param services per-service overrides of the shop's defaults, by service name
 */
@ConfigurationProperties("headroom.demo")
public record DemoProperties(Double rps, Pattern pattern, String otlpEndpoint, String jaegerEndpoint, Duration metricInterval,
        Map<String, ServiceOverride> services) {

    static final double MAX_RPS = 2_000;

    /** Any field left out keeps the shop's default for that service. */
    public record ServiceOverride(Double medianMs, Double sigma, Integer concurrency, Integer queue, Double pricePerHour) {
    }

    /** Any field left out keeps its default: a 10-minute day swinging ±50%, six 20-second bursts of 2.5× an hour. */
    public record Pattern(Duration dayLength, Double dailyAmplitude, Double burstsPerHour, Double burstFactor, Duration burstLength) {

        TrafficPattern toPattern() {
            return new TrafficPattern(dayLength == null ? Duration.ofMinutes(10) : dayLength,
                    dailyAmplitude == null ? 0.5 : dailyAmplitude,
                    burstsPerHour == null ? 6 : burstsPerHour,
                    burstFactor == null ? 2.5 : burstFactor,
                    burstLength == null ? Duration.ofSeconds(20) : burstLength);
        }
    }

    public DemoProperties {
        rps = rps == null ? 50.0 : rps;
        pattern = pattern == null ? new Pattern(null, null, null, null, null) : pattern;
        services = services == null ? Map.of() : Map.copyOf(services);
        metricInterval = metricInterval == null ? Duration.ofSeconds(15) : metricInterval;
        requireValidRps(rps);
        if (metricInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("headroom.demo.metric-interval must be at least 1s, was " + metricInterval);
        }
        pattern.toPattern();
    }

    static void requireValidRps(double rps) {
        if (!(rps >= 0 && rps <= MAX_RPS)) {
            throw new IllegalArgumentException("rps must be between 0 and 2000, was " + rps);
        }
    }
}
