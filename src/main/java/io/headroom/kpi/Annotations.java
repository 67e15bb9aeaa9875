package io.headroom.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/** The events a service's charts mark, from every {@link AnnotationSource}, on one time line. */
@Service
public class Annotations {

    private final List<AnnotationSource> sources;

    Annotations(List<AnnotationSource> sources) {
        this.sources = sources;
    }

    /** Events in [from, to), in time order; a lasting one that started before {@code from} but reached into it is included. */
    public List<Annotation> of(String service, Instant from, Instant to) {
        var annotations = new ArrayList<Annotation>();
        sources.forEach(source -> annotations.addAll(source.annotations(service, from, to)));
        annotations.sort(Comparator.comparing(Annotation::at));
        return annotations;
    }
}
