package io.headroom.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.alerting.Muting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due groups into deliveries, as Alertmanager's aggregation groups flush: the group's
 * firing alerts and (when the channel sends resolved ones) those resolved since its last
 * notification, in one body, leaving out alerts that silences or inhibition mute. Groups are claimed with {@code FOR UPDATE SKIP LOCKED}, so any
 * number of Headroom instances flush without sending a group twice; the delivery row and the
 * group's "notified" marks commit together.
 */
@Component
class GroupFlusher {

    private static final Logger log = LoggerFactory.getLogger(GroupFlusher.class);
    private static final int GROUPS_PER_RUN = 50;
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    private record Due(long channelId, String groupKey, Map<String, String> groupLabels, Instant lastFlushAt) {
    }

    private record GroupAlert(NotifiedAlert alert, boolean notified, boolean firingSent) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChannelRecords channels;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Muting muting;
    private final Clock clock;

    GroupFlusher(JdbcClient jdbc, TransactionTemplate transactions, ChannelRecords channels, Outbox outbox, ObjectMapper json,
            Muting muting, Clock clock) {
        this.muting = muting;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.channels = channels;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${headroom.notify.flush-interval:1s}", fixedDelayString = "${headroom.notify.flush-interval:1s}")
    void scheduled() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Flushing notification groups failed; the next run tries again", e);
        }
    }

    /** @return the deliveries created */
    int flush() {
        Integer created = transactions.execute(status -> {
            Instant now = clock.instant();
            int deliveries = 0;
            Muting.Check mute = null;
            for (Due due : jdbc.sql("""
                    SELECT channel_id, group_key, group_labels::text, last_flush_at FROM notification_groups
                    WHERE next_flush_at <= ? ORDER BY next_flush_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(now), GROUPS_PER_RUN)
                    .query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), read(rs.getString(3), TEXT_MAP),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant())).list()) {
                if (mute == null) {
                    mute = muting.now();
                }
                deliveries += flush(due, now, mute) ? 1 : 0;
            }
            return deliveries;
        });
        return created == null ? 0 : created;
    }

    private boolean flush(Due due, Instant now, Muting.Check mute) {
        Optional<Channel> channel = channels.find(due.channelId()).filter(Channel::enabled);
        List<GroupAlert> alerts = jdbc.sql("""
                SELECT alert::text, notified, firing_sent FROM notification_group_alerts WHERE channel_id = ? AND group_key = ?""")
                .params(due.channelId(), due.groupKey())
                .query((rs, row) -> new GroupAlert(read(rs.getString(1), NotifiedAlert.class), rs.getBoolean(2), rs.getBoolean(3)))
                .list();
        // Muted (silenced or inhibited) firing alerts are left out and stay un-notified, so they go out
        // once the mute ends; a resolution is told only of an alert whose firing was.
        List<GroupAlert> muted = alerts.stream().filter(a -> a.alert().firing()
                && mute.of(a.alert().fingerprint(), a.alert().labels()).muted()).toList();
        List<GroupAlert> audible = alerts.stream().filter(a -> !muted.contains(a) && (a.alert().firing() || a.firingSent())).toList();
        boolean anyFiring = alerts.stream().anyMatch(a -> a.alert().firing());
        boolean changed = audible.stream().anyMatch(a -> !a.notified());
        boolean repeatDue = due.lastFlushAt() == null
                || channel.isPresent() && !now.isBefore(due.lastFlushAt().plus(channel.get().grouping().repeatInterval()));
        boolean sent = false;
        if (channel.isPresent() && (changed || repeatDue)) {
            List<NotifiedAlert> told = audible.stream()
                    .filter(a -> a.alert().firing() || channel.get().sendResolved() && !a.notified())
                    .map(GroupAlert::alert)
                    .sorted(Comparator.comparing((NotifiedAlert a) -> !a.firing()).thenComparing(NotifiedAlert::service)
                            .thenComparing(NotifiedAlert::fingerprint))
                    .toList();
            if (told.stream().anyMatch(NotifiedAlert::firing) || changed && !told.isEmpty()) {
                outbox.insertDelivery(channel.get(), new Notification(channel.get().name(), due.groupKey(), due.groupLabels(), told),
                        "alerts", now);
                sent = true;
            }
        }
        jdbc.sql("DELETE FROM notification_group_alerts WHERE channel_id = ? AND group_key = ? AND NOT firing")
                .params(due.channelId(), due.groupKey()).update();
        if (!anyFiring || channel.isEmpty()) {
            jdbc.sql("DELETE FROM notification_groups WHERE channel_id = ? AND group_key = ?").params(due.channelId(), due.groupKey())
                    .update();
            return sent;
        }
        if (sent) {
            jdbc.sql("""
                    UPDATE notification_group_alerts SET notified = true, firing_sent = true
                    WHERE channel_id = ? AND group_key = ? AND firing AND NOT (fingerprint = ANY (?))""")
                    .params(due.channelId(), due.groupKey(),
                            muted.stream().map(a -> a.alert().fingerprint()).toArray(String[]::new))
                    .update();
        }
        Instant lastFlush = sent ? now : due.lastFlushAt();
        Grouping grouping = channel.get().grouping();
        // While something is muted, look again every group_interval: the mute may end.
        Instant next = muted.isEmpty() && lastFlush != null ? lastFlush.plus(grouping.repeatInterval())
                : now.plus(grouping.groupInterval());
        jdbc.sql("UPDATE notification_groups SET last_flush_at = ?, next_flush_at = ? WHERE channel_id = ? AND group_key = ?")
                .params(lastFlush == null ? null : Timestamp.from(lastFlush), Timestamp.from(next), due.channelId(), due.groupKey())
                .update();
        return sent;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
