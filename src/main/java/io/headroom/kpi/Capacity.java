package io.headroom.kpi;

import java.time.Instant;

/**
 * A service's instances and what they cost over a window. Every figure is null when what it needs is not
 * known (no price, no recorded instance count, no requests).
 *
 * @param instances the count running at the end of the window
 * @param costPerHour what the service costs per hour at that count
 * @param instanceHours instance-hours run in the known part of the window
 * @param cost what those instance-hours cost
 * @param costPerRequest the mean cost rate over the mean request rate, each over the part of the window it is known for
 */
public record Capacity(Integer instances, Double pricePerInstanceHour, Double costPerHour, Double instanceHours, Double cost,
        Double costPerRequest, Double costPer1kRequests) {

    static final Capacity UNKNOWN = new Capacity(null, null, null, null, null, null, null);

    /**
     * @param requestsPerSecond the service's throughput over the window (0 when it had no requests)
     */
    static Capacity of(InstanceTimeline timeline, Double pricePerInstanceHour, Instant from, Instant to, double requestsPerSecond) {
        if (timeline.isEmpty()) {
            return new Capacity(null, pricePerInstanceHour, null, null, null, null, null);
        }
        Integer instances = timeline.at(to);
        double instanceSeconds = timeline.instanceSeconds(from, to);
        double covered = timeline.coveredSeconds(from, to);
        Double instanceHours = covered > 0 ? instanceSeconds / 3600 : null;
        if (pricePerInstanceHour == null) {
            return new Capacity(instances, null, null, instanceHours, null, null, null);
        }
        Double costPerHour = instances == null ? null : instances * pricePerInstanceHour;
        Double cost = instanceHours == null ? null : instanceHours * pricePerInstanceHour;
        Double costPerRequest = null;
        if (covered > 0 && requestsPerSecond > 0) {
            double costPerSecond = instanceSeconds / covered * pricePerInstanceHour / 3600;
            costPerRequest = costPerSecond / requestsPerSecond;
        }
        return new Capacity(instances, pricePerInstanceHour, costPerHour, instanceHours, cost, costPerRequest,
                costPerRequest == null ? null : costPerRequest * 1000);
    }
}
