package io.headroom.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.headroom.store.EventQueries;
import io.headroom.store.EventQueries.FaultEvent;
import org.springframework.stereotype.Component;

/** Scaling, chaos faults and deploys (a new {@code service.version}), from what the store recorded of them. */
@Component
class RecordedEventAnnotations implements AnnotationSource {

    private final EventQueries events;

    RecordedEventAnnotations(EventQueries events) {
        this.events = events;
    }

    @Override
    public List<Annotation> annotations(String service, Instant from, Instant to) {
        var annotations = new ArrayList<Annotation>();
        events.instanceChanges(service, from, to).forEach(change -> annotations.add(new Annotation(change.at(), null, "scale",
                change.before() == null ? "running " + instances(change.after())
                        : "scaled " + change.before() + " → " + instances(change.after()))));
        events.faults(service, from, to).forEach(fault -> annotations.add(new Annotation(fault.startedAt(), fault.endedAt(), "fault",
                describe(fault) + (fault.endReason() == null ? "" : " (" + fault.endReason() + ")"))));
        events.versions(service, from, to).forEach(version -> annotations.add(new Annotation(version.firstSeen(), null, "deploy",
                "version " + version.version())));
        return annotations;
    }

    private static String instances(int count) {
        return count == 1 ? "1 instance" : count + " instances";
    }

    private static String describe(FaultEvent fault) {
        String share = fault.percentage() == 100 ? "all requests" : Math.round(fault.percentage()) + " % of requests";
        return switch (fault.type().toUpperCase(Locale.ROOT)) {
            case "LATENCY" -> "fault: latency +" + Math.round(fault.magnitude()) + " ms on " + share;
            case "ERROR" -> "fault: HTTP " + Math.round(fault.magnitude()) + " on " + share;
            case "KILL" -> "fault: " + Math.round(fault.magnitude()) + " instance(s) killed";
            case "CPU" -> "fault: CPU burn " + Math.round(fault.magnitude()) + " % of a core";
            default -> "fault: " + fault.type().toLowerCase(Locale.ROOT);
        };
    }
}
