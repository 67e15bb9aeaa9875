package io.headroom.kpi;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.headroom.store.CapacityRecords;
import io.headroom.store.CapacityRecords.InstanceChange;
import org.springframework.stereotype.Service;

/**
 * Records how many instances each service runs, as its scale target reports them, so that cost
 * and scaling efficiency are computed from the instance-seconds actually run. Only changes are
 * written: a fleet that keeps its size writes nothing.
 */
@Service
public class CapacityLedger {

    private final CapacityRecords records;
    private Map<String, Integer> lastRecorded;

    CapacityLedger(CapacityRecords records) {
        this.records = records;
    }

    /** The service runs {@code instances} at {@code at}; stored only when that differs from the last count recorded. */
    public synchronized void observe(String service, Instant at, int instances) {
        if (instances < 0) {
            throw new IllegalArgumentException("instances must not be negative, was " + instances);
        }
        Map<String, Integer> last = lastRecorded();
        Integer before = last.get(service);
        if (before == null || before != instances) {
            records.recordInstances(service, at, instances);
            last.put(service, instances);
        }
    }

    private Map<String, Integer> lastRecorded() {
        if (lastRecorded == null) {
            lastRecorded = new HashMap<>();
            records.latestInstances().forEach((service, change) -> lastRecorded.put(service, change.instances()));
        }
        return lastRecorded;
    }

    InstanceTimeline timeline(String service, Instant from, Instant to) {
        return new InstanceTimeline(records.instanceChanges(service, from, to));
    }

    Map<String, InstanceTimeline> timelines(Instant from, Instant to) {
        var timelines = new HashMap<String, InstanceTimeline>();
        records.allInstanceChanges(from, to).forEach((service, changes) -> timelines.put(service, new InstanceTimeline(changes)));
        return timelines;
    }

    static InstanceTimeline none() {
        return new InstanceTimeline(java.util.List.<InstanceChange>of());
    }
}
