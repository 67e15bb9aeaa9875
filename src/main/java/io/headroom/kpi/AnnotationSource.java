package io.headroom.kpi;

import java.time.Instant;
import java.util.List;

/**
 * Where events for a service's charts come from. Each module that records events about services
 * (scaling and faults and deploys today; alert state changes with alerting) offers them as a bean
 * of this type, and the charts mark them all on one axis.
 */
public interface AnnotationSource {

    /** The service's events in [from, to), in any order; a lasting one that began before {@code from} but reaches into it is included. */
    List<Annotation> annotations(String service, Instant from, Instant to);
}
