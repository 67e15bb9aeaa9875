package io.headroom.alerting;

import java.util.List;

/**
 * Why an alert is muted, as Alertmanager reports it: the silences that select it and the firing
 * alerts (fingerprints) that inhibit it. A muted alert is shown but not notified.
 */
public record MuteStatus(List<String> silencedBy, List<String> inhibitedBy) {

    public static final MuteStatus NONE = new MuteStatus(List.of(), List.of());

    public MuteStatus {
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
    }

    public boolean muted() {
        return !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
    }
}
