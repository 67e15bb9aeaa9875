package io.headroom.scaling;

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
}
