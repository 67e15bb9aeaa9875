package io.headroom.scaling;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * A platform that runs services and can change their instance count. One implementation per
 * platform (demo fleet, Kubernetes, ...), chosen per service by which target knows it.
 */
public interface ScaleTarget {

    /** The services this target runs. */
    Set<String> services();

    /** @throws IllegalArgumentException for a service this target does not run */
    Instances instances(String service);

    /**
     * Asks for {@code desired} instances. Returns at once; instances start, or drain gracefully
     * (in-flight requests finish), in the background. Callers go through {@link Scaling},
     * which has already checked {@code desired} against the bounds {@link #instances} gives.
     */
    Instances scaleTo(String service, int desired);

    /**
     * What one instance-hour of the service costs on this platform, if the platform knows (a
     * cloud's list price for the instance type, the demo's configured price). Operators can set
     * their own in Headroom, which then wins.
     */
    default OptionalDouble listPricePerInstanceHour(String service) {
        return OptionalDouble.empty();
    }
}
