package io.headroom.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.alerting.LabelMatcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_channels} table. */
@Repository
class ChannelRecords {

    private static final String COLUMNS = """
            id, name, url, format, secret, matchers::text, group_by::text, group_wait_seconds, group_interval_seconds,
            repeat_interval_seconds, send_resolved, enabled""";
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ChannelRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Channel> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_channels ORDER BY name").query(this::channel).list();
    }

    Optional<Channel> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_channels WHERE id = ?").param(id).query(this::channel).optional();
    }

    long insert(Channel channel, Instant at) {
        return jdbc.sql("""
                INSERT INTO notification_channels (name, url, format, secret, matchers, group_by, group_wait_seconds,
                    group_interval_seconds, repeat_interval_seconds, send_resolved, enabled, updated_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(channel.name(), channel.url(), channel.format().key(), channel.secret(), write(matchers(channel)),
                        write(channel.grouping().groupBy()), seconds(channel.grouping().groupWait()),
                        seconds(channel.grouping().groupInterval()), seconds(channel.grouping().repeatInterval()),
                        channel.sendResolved(), channel.enabled(), Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Everything but the secret, which stays. */
    boolean update(long id, Channel channel, Instant at) {
        return jdbc.sql("""
                UPDATE notification_channels SET name = ?, url = ?, format = ?, matchers = ?::jsonb, group_by = ?::jsonb,
                    group_wait_seconds = ?, group_interval_seconds = ?, repeat_interval_seconds = ?, send_resolved = ?,
                    enabled = ?, updated_at = ?
                WHERE id = ?""")
                .params(channel.name(), channel.url(), channel.format().key(), write(matchers(channel)),
                        write(channel.grouping().groupBy()), seconds(channel.grouping().groupWait()),
                        seconds(channel.grouping().groupInterval()), seconds(channel.grouping().repeatInterval()),
                        channel.sendResolved(), channel.enabled(), Timestamp.from(at), id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM notification_channels WHERE id = ?").param(id).update() == 1;
    }

    private static List<String> matchers(Channel channel) {
        return channel.matchers().stream().map(LabelMatcher::toString).toList();
    }

    private static int seconds(Duration duration) {
        return (int) duration.toSeconds();
    }

    private Channel channel(ResultSet rs, int row) throws SQLException {
        return new Channel(rs.getLong("id"), rs.getString("name"), rs.getString("url"), ChannelFormat.of(rs.getString("format")),
                rs.getString("secret"), read(rs.getString("matchers")).stream().map(LabelMatcher::parse).toList(),
                new Grouping(read(rs.getString("group_by")), Duration.ofSeconds(rs.getInt("group_wait_seconds")),
                        Duration.ofSeconds(rs.getInt("group_interval_seconds")), Duration.ofSeconds(rs.getInt("repeat_interval_seconds"))),
                rs.getBoolean("send_resolved"), rs.getBoolean("enabled"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String text) {
        try {
            return json.readValue(text, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
