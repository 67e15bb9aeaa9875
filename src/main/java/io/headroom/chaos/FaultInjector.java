package io.headroom.chaos;

import java.util.Set;

/**
 * A platform that can break the services it runs on purpose (demo fleet, Chaos Monkey for
 * Spring Boot, Kubernetes, ...). Requests hit by a fault carry the span attribute
 * {@code chaos.experiment.id} with the fault's id. Timing is not the injector's job:
 * {@link Chaos} validates, records and ends every fault.
 */
public interface FaultInjector {

    /** The services this injector can reach. */
    Set<String> services();

    /**
     * Starts the fault on the service at once.
     *
     * @throws IllegalArgumentException when the fault cannot apply (say, killing more instances than run)
     */
    void start(String faultId, String service, FaultSpec spec);

    /** Ends the fault's effects at once (a killed instance is replaced). Unknown or ended ids are ignored. */
    void stop(String faultId);
}
