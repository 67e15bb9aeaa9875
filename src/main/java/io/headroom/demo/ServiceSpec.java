package io.headroom.demo;

import java.util.List;

/**
 * One demo service: how long its own work takes (log-normal around a median), how many
 * requests one instance works on at once and how many may wait, which services it calls for
 * each request, and what an instance costs per hour.
 */
record ServiceSpec(String name, double medianMillis, double sigma, int concurrency, int queue,
        List<String> downstream, double pricePerInstanceHour) {

    ServiceSpec {
        if (medianMillis < 0 || sigma < 0 || concurrency < 1 || queue < 0 || pricePerInstanceHour < 0) {
            throw new IllegalArgumentException("demo service " + name + ": median, sigma, queue and price must not be "
                    + "negative and concurrency must be at least 1");
        }
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
                downstream,
                override.pricePerHour() == null ? pricePerInstanceHour : override.pricePerHour());
    }
}
