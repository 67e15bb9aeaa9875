package io.headroom.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_deliveries} and {@code notification_attempts} tables. */
@Repository
class DeliveryRecords {

    /** A delivery claimed for one attempt. */
    record Claimed(long id, String webhookId, Long channelId, String body, int attempts, Instant createdAt) {
    }

    private static final String COLUMNS = """
            id, webhook_id, channel_id, channel_name, group_key, kind, alerts_firing, alerts_resolved, status, attempts,
            created_at, next_attempt_at, finished_at, last_status, last_error""";

    private final JdbcClient jdbc;

    DeliveryRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reserves up to {@code limit} due deliveries for {@code lease}, counting the attempt. Rows
     * another instance is claiming are skipped, not waited for.
     */
    List<Claimed> claim(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                UPDATE notification_deliveries d SET lease_until = ?, attempts = d.attempts + 1
                FROM (SELECT id FROM notification_deliveries
                      WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                      ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.webhook_id, d.channel_id, d.body, d.attempts, d.created_at""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), Timestamp.from(now), limit)
                .query((rs, row) -> new Claimed(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** Records an attempt and what follows it, in one statement each, only if this claim still holds the row. */
    void record(Claimed claimed, Instant at, WebhookSender.Result result, RetryPolicy.Decision decision) {
        jdbc.sql("""
                INSERT INTO notification_attempts (delivery_id, attempt, at, duration_ms, status_code, error, response_excerpt)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(claimed.id(), claimed.attempts(), Timestamp.from(at), (int) Math.min(result.millis(), Integer.MAX_VALUE),
                        result.status(), result.error(), result.excerpt())
                .update();
        String status = decision.delivered() ? "delivered" : decision.retryAt() != null ? "pending" : "dead";
        jdbc.sql("""
                UPDATE notification_deliveries SET status = ?, lease_until = NULL, last_status = ?, last_error = ?,
                    next_attempt_at = coalesce(?, next_attempt_at), finished_at = ?
                WHERE id = ? AND attempts = ? AND status = 'pending'""")
                .params(status, result.status(), decision.reason() != null ? decision.reason() : result.error(),
                        decision.retryAt() == null ? null : Timestamp.from(decision.retryAt()),
                        status.equals("pending") ? null : Timestamp.from(at), claimed.id(), claimed.attempts())
                .update();
    }

    /** Newest first. @param channelId null for every channel @param status null for any */
    List<Delivery> list(Long channelId, String status, int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification_deliveries WHERE true");
        var params = new ArrayList<Object>();
        if (channelId != null) {
            sql.append(" AND channel_id = ?");
            params.add(channelId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(DeliveryRecords::delivery).list();
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_deliveries WHERE id = ?").param(id)
                .query(DeliveryRecords::delivery).optional();
    }

    Optional<String> body(long id) {
        return jdbc.sql("SELECT body FROM notification_deliveries WHERE id = ?").param(id).query(String.class).optional();
    }

    List<DeliveryAttempt> attempts(long deliveryId) {
        return jdbc.sql("""
                SELECT attempt, at, duration_ms, status_code, error, response_excerpt FROM notification_attempts
                WHERE delivery_id = ? ORDER BY attempt""").param(deliveryId)
                .query((rs, row) -> new DeliveryAttempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("webhook_id"), (Long) rs.getObject("channel_id"), rs.getString("channel_name"),
                rs.getString("group_key"), rs.getString("kind"), rs.getInt("alerts_firing"), rs.getInt("alerts_resolved"),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(), instant(rs.getTimestamp("finished_at")),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
