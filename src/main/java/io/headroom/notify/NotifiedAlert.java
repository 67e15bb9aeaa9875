package io.headroom.notify;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as a notification tells of it: a snapshot taken when its state changed.
 *
 * @param endsAt when it resolved; null while it fires
 */
public record NotifiedAlert(String fingerprint, String rule, String service, Map<String, String> labels,
        Map<String, String> annotations, boolean firing, Instant startsAt, Instant endsAt, Double value) {
}
