package io.headroom.demo;

import java.util.List;

/**
 * One demo service: how long its own work takes (log-normal around a median), how many
 * requests one instance works on at once and how many may wait, which services it calls for
 * each request, and what an instance costs per hour.
 */
record ServiceSpec(String name, double medianMillis, double sigma, int concurrency, int queue,
        List<String> downstream, double pricePerInstanceHour) {
}
