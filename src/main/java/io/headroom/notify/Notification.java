package io.headroom.notify;

import java.util.List;
import java.util.Map;

/** What one delivery tells a channel: a group's alerts, firing first. */
record Notification(String channel, String groupKey, Map<String, String> groupLabels, List<NotifiedAlert> alerts) {

    boolean firing() {
        return alerts.stream().anyMatch(NotifiedAlert::firing);
    }

    long firingCount() {
        return alerts.stream().filter(NotifiedAlert::firing).count();
    }
}
