package io.headroom.alerting;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The alerts Headroom's rules have raised, and their history. */
@Service
public class Alerts {

    public static final List<AlertState> ACTIVE = List.of(AlertState.FIRING, AlertState.PENDING);

    private final AlertRecords records;

    Alerts(AlertRecords records) {
        this.records = records;
    }

    /** @param service null for every service */
    public List<RuleAlert> list(List<AlertState> states, String service) {
        return records.list(states, service);
    }

    public Optional<RuleAlert> find(String fingerprint) {
        return records.find(fingerprint);
    }

    /** The alert's state changes, newest first, at most {@code limit}. */
    public List<AlertTransition> history(String fingerprint, int limit) {
        return records.transitions(fingerprint, limit);
    }
}
