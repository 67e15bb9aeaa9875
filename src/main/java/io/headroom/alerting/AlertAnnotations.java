package io.headroom.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.headroom.kpi.Annotation;
import io.headroom.kpi.AnnotationSource;
import org.springframework.stereotype.Component;

/** Alerts firing and resolving, marked on the service's charts. */
@Component
class AlertAnnotations implements AnnotationSource {

    private final AlertRecords records;

    AlertAnnotations(AlertRecords records) {
        this.records = records;
    }

    @Override
    public List<Annotation> annotations(String service, Instant from, Instant to) {
        return records.transitions(service, from, to).stream()
                .filter(t -> t.to() == AlertState.FIRING || t.to() == AlertState.RESOLVED)
                .map(t -> new Annotation(t.at(), null, "alert", "alert " + t.rule() + " " + t.to().name().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
