package io.headroom.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.alerting.AlertState;
import io.headroom.alerting.AlertStateChanged;
import io.headroom.alerting.RuleAlert;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox. An alert that starts firing or resolves is written into each
 * selecting channel's group in the transaction that changed its state ({@link #on}), and the
 * group is scheduled; {@link GroupFlusher} later turns due groups into deliveries. Nothing here
 * sends: a crash before commit loses the state change and its notification together, a crash
 * after it loses neither.
 */
@Component
class Outbox {

    private final ChannelRecords channels;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Payloads payloads;
    private final Clock clock;

    Outbox(ChannelRecords channels, JdbcClient jdbc, ObjectMapper json, Payloads payloads, Clock clock) {
        this.channels = channels;
        this.jdbc = jdbc;
        this.json = json;
        this.payloads = payloads;
        this.clock = clock;
    }

    @EventListener
    void on(AlertStateChanged change) {
        boolean fired = change.to() == AlertState.FIRING;
        boolean resolved = change.to() == AlertState.RESOLVED && change.from() == AlertState.FIRING;
        if (!fired && !resolved) {
            return;
        }
        NotifiedAlert alert = snapshot(change.alert(), fired);
        for (Channel channel : channels.all()) {
            if (channel.enabled() && channel.selects(alert.labels())) {
                enqueue(channel, alert, change.at());
            }
        }
    }

    private void enqueue(Channel channel, NotifiedAlert alert, Instant at) {
        Map<String, String> groupLabels = groupLabels(channel.grouping(), alert.labels());
        String groupKey = groupKey(groupLabels);
        Timestamp now = Timestamp.from(at);
        // A new group waits group_wait for companions; a change to a notified group goes out
        // group_interval after its last notification (or now, if that is past), sooner than a repeat.
        jdbc.sql("""
                INSERT INTO notification_groups (channel_id, group_key, group_labels, next_flush_at)
                VALUES (?, ?, ?::jsonb, ?::timestamptz + make_interval(secs => ?))
                ON CONFLICT (channel_id, group_key) DO UPDATE SET next_flush_at = CASE
                    WHEN notification_groups.last_flush_at IS NULL THEN coalesce(notification_groups.next_flush_at, excluded.next_flush_at)
                    ELSE least(coalesce(notification_groups.next_flush_at, 'infinity'),
                               greatest(?::timestamptz, notification_groups.last_flush_at + make_interval(secs => ?))) END""")
                .params(channel.id(), groupKey, write(groupLabels), now, channel.grouping().groupWait().toSeconds(),
                        now, channel.grouping().groupInterval().toSeconds())
                .update();
        jdbc.sql("""
                INSERT INTO notification_group_alerts (channel_id, group_key, fingerprint, alert, firing, changed_at, notified)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, false)
                ON CONFLICT (channel_id, group_key, fingerprint) DO UPDATE SET alert = excluded.alert, firing = excluded.firing,
                    changed_at = excluded.changed_at, notified = false""")
                .params(channel.id(), groupKey, alert.fingerprint(), write(alert), alert.firing(), now)
                .update();
    }

    /** Writes a delivery of a made-up firing alert to the channel, due now. @return its id */
    long test(Channel channel) {
        Instant now = clock.instant();
        var labels = new TreeMap<String, String>(Map.of("alertname", "HeadroomTestNotification", "service", "headroom",
                "severity", "info"));
        var alert = new NotifiedAlert("0000000000000000", "HeadroomTestNotification", "headroom", labels,
                Map.of("summary", "A test notification from Headroom: this channel works.",
                        "description", "Sent from the channel's page or POST /api/v1/notification-channels/{id}/test."),
                true, now, null, null);
        var notification = new Notification(channel.name(), "{}:{alertname=\"HeadroomTestNotification\"}",
                Map.of("alertname", "HeadroomTestNotification"), List.of(alert));
        return insertDelivery(channel, notification, "test", now);
    }

    long insertDelivery(Channel channel, Notification notification, String kind, Instant now) {
        long firing = notification.firingCount();
        return jdbc.sql("""
                INSERT INTO notification_deliveries (webhook_id, channel_id, channel_name, group_key, kind, body, alerts_firing,
                    alerts_resolved, status, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) RETURNING id""")
                .params("msg_" + UUID.randomUUID().toString().replace("-", ""), channel.id(), channel.name(), notification.groupKey(),
                        kind, new String(payloads.body(channel.format(), notification), java.nio.charset.StandardCharsets.UTF_8),
                        firing, notification.alerts().size() - firing, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }

    static Map<String, String> groupLabels(Grouping grouping, Map<String, String> labels) {
        if (grouping.byAll()) {
            return new TreeMap<>(labels);
        }
        var grouped = new TreeMap<String, String>();
        for (String name : grouping.groupBy()) {
            if (labels.containsKey(name)) {
                grouped.put(name, labels.get(name));
            }
        }
        return grouped;
    }

    /** As Alertmanager writes it for the root route: {@code {}:{alertname="HighP99", service="cart"}}. */
    static String groupKey(Map<String, String> groupLabels) {
        var parts = new ArrayList<String>();
        new TreeMap<>(groupLabels).forEach((name, value) -> parts.add(name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return "{}:{" + String.join(", ", parts) + "}";
    }

    private static NotifiedAlert snapshot(RuleAlert alert, boolean firing) {
        return new NotifiedAlert(alert.fingerprint(), alert.rule(), alert.service(), alert.labels(), alert.annotations(), firing,
                alert.alert().firedAt(), firing ? null : alert.alert().resolvedAt(), alert.alert().value());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
