package io.headroom.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;

/** The latency and error faults running on each demo service, rolled per request by the instances. */
final class FleetFaults {

    /** @param instances the instance ids it hits; null: every instance, those started later too */
    private record RequestFault(String id, FaultSpec spec, Set<String> instances) {
    }

    /**
     * What the faults did to one request: extra latency, an error status to answer instead of
     * serving (0 for none), and the ids of the faults that hit it (null when none did).
     */
    record Hit(long extraMicros, int errorStatus, String faultIds) {
        static final Hit NONE = new Hit(0, 0, null);
    }

    private final Map<String, List<RequestFault>> byService = new ConcurrentHashMap<>();

    /** @param instances the instance ids it hits; null for every instance */
    void add(String faultId, String service, FaultSpec spec, Set<String> instances) {
        byService.computeIfAbsent(service, name -> new CopyOnWriteArrayList<>())
                .add(new RequestFault(faultId, spec, instances == null ? null : Set.copyOf(instances)));
    }

    void remove(String faultId) {
        byService.values().forEach(faults -> faults.removeIf(fault -> fault.id().equals(faultId)));
    }

    Hit roll(String service, String instanceId) {
        List<RequestFault> faults = byService.get(service);
        if (faults == null || faults.isEmpty()) {
            return Hit.NONE;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long extraMicros = 0;
        int status = 0;
        List<String> ids = new java.util.ArrayList<>(1);
        for (RequestFault fault : faults) {
            FaultSpec spec = fault.spec();
            if (fault.instances() != null && !fault.instances().contains(instanceId)) {
                continue;
            }
            if (random.nextDouble() * 100 >= spec.percentage()) {
                continue;
            }
            ids.add(fault.id());
            if (spec.type() == FaultType.LATENCY) {
                extraMicros += (long) ((spec.magnitude() + random.nextDouble() * spec.jitter()) * 1000);
            } else if (spec.type() == FaultType.ERROR && status == 0) {
                status = (int) spec.magnitude();
            }
        }
        return ids.isEmpty() ? Hit.NONE : new Hit(extraMicros, status, ids.stream().collect(Collectors.joining(",")));
    }
}
