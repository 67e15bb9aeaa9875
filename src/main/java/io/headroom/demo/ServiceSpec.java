package io.headroom.demo;

import java.util.List;
import java.util.Map;

/**
 * One demo service: how long its own work takes (log-normal around a median), how many
 * requests one instance works on at once and how many may wait, which services it calls (in
 * order) for a request to each path, what an instance costs per hour, which library
 * instruments it, and what it logs when it completes a checkout (null: nothing).
 */
record ServiceSpec(String name, double medianMillis, double sigma, int concurrency, int queue,
        Map<String, List<String>> calls, double pricePerInstanceHour, Instrumentation instrumentation, String checkoutLog) {

    enum Instrumentation { OPENTELEMETRY, JAEGER }

    ServiceSpec {
        if (medianMillis < 0 || sigma < 0 || concurrency < 1 || queue < 0 || pricePerInstanceHour < 0) {
            throw new IllegalArgumentException("demo service " + name + ": median, sigma, queue and price must not be "
                    + "negative and concurrency must be at least 1");
        }
    }

    /** The services a request to {@code path} calls, in order. */
    List<String> downstream(String path) {
        return calls.getOrDefault(path, List.of());
    }

    ServiceSpec with(DemoProperties.ServiceOverride override) {
        if (override == null) {
            return this;
        }
        return new ServiceSpec(name,
                override.medianMs() == null ? medianMillis : override.medianMs(),
                override.sigma() == null ? sigma : override.sigma(),
                override.concurrency() == null ? concurrency : override.concurrency(),
                override.queue() == null ? queue : override.queue(),
                calls,
                override.pricePerHour() == null ? pricePerInstanceHour : override.pricePerHour(),
                instrumentation, checkoutLog);
    }
}
