package io.headroom.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import io.headroom.store.SpanSearch.TagFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads raw spans and what describes them (resources, operations): trace search, traces by id,
 * and the calls between services. The explore module builds its views and APIs from these.
 */
@Component
public class SpanQueries {

    /** An operation (span name) of a service, with the kind of its spans (OTLP enum number). */
    public record Operation(String name, int kind) {
    }

    /** Spans of {@code child} whose parent span belongs to {@code parent}, counted. */
    public record ServiceCall(String parent, String child, long calls) {
    }

    /** A parent usually starts before its child; this is how much earlier it may start and still be found. */
    static final Duration PARENT_LEAD = Duration.ofHours(1);

    private static final String SPAN_COLUMNS = """
            service_name, resource_id, scope_name, scope_version, trace_id, span_id, parent_span_id, name, kind,
            (extract(epoch FROM start_time) * 1000000)::bigint, duration_ns, status_code, status_message, trace_state,
            attributes::text, events::text, links::text""";

    private final JdbcClient jdbc;

    SpanQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Services with spans in a rollup minute since {@code since}, by name (byte order, the same on every database). */
    public List<String> servicesWithSpans(Instant since) {
        return jdbc.sql("""
                SELECT service_name FROM services s
                WHERE EXISTS (SELECT 1 FROM operation_rollup_1m r WHERE r.service_name = s.service_name AND r.minute >= ?)
                ORDER BY service_name COLLATE "C"
                """)
                .param(Timestamp.from(since)).query(String.class).list();
    }

    /** @param kind only operations with spans of this kind, or null for all */
    public List<Operation> operations(String service, Instant since, Integer kind) {
        var sql = new StringBuilder("SELECT operation, span_kind FROM operation_rollup_1m WHERE service_name = ? AND minute >= ?");
        List<Object> params = new ArrayList<>(List.of(service, Timestamp.from(since)));
        condition(sql, params, "span_kind = ?", kind);
        return jdbc.sql(sql.append(" GROUP BY operation, span_kind ORDER BY operation COLLATE \"C\", span_kind").toString()).params(params)
                .query((row, i) -> new Operation(row.getString(1), row.getInt(2))).list();
    }

    /** Ids of the traces the search finds, in the search's order. */
    public List<byte[]> traceIds(SpanSearch search) {
        var sql = new StringBuilder("SELECT trace_id, max(start_time) AS latest, max(duration_ns) AS longest FROM spans"
                + " WHERE start_time >= ? AND start_time <= ?");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(search.from()), Timestamp.from(search.to())));
        condition(sql, params, "service_name = ?", search.service());
        condition(sql, params, "name = ?", search.operation());
        condition(sql, params, "duration_ns >= ?", search.minDuration() == null ? null : search.minDuration().toNanos());
        condition(sql, params, "duration_ns <= ?", search.maxDuration() == null ? null : search.maxDuration().toNanos());
        for (TagFilter tag : search.tags()) {
            sql.append(" AND (attributes->>?::text = ?"
                    + " OR resource_id IN (SELECT resource_id FROM resources WHERE attributes->>?::text = ?)");
            params.addAll(List.of(tag.key(), tag.value(), tag.key(), tag.value()));
            if (tag.column() != null) {
                sql.append(" OR ").append(tag.column().sql).append(" = ?");
                params.add(tag.columnValue());
            }
            sql.append(')');
        }
        if (search.errorsOnly()) {
            sql.append(" AND status_code = ").append(SpanRow.SpanStatus.ERROR);
        }
        sql.append(search.order() == SpanSearch.Order.SLOWEST ? " GROUP BY trace_id ORDER BY longest DESC, trace_id LIMIT ?"
                : " GROUP BY trace_id ORDER BY latest DESC, trace_id LIMIT ?");
        params.add(search.limit());
        return jdbc.sql(sql.toString()).params(params).query((row, i) -> row.getBytes(1)).list();
    }

    /** Every span of these traces, in start order. */
    public List<SpanRow> spans(Collection<byte[]> traceIds) {
        if (traceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SPAN_COLUMNS + " FROM spans WHERE trace_id IN (" + placeholders(traceIds.size())
                        + ") ORDER BY start_time, span_id")
                .params(List.copyOf(traceIds)).query((row, i) -> span(row)).list();
    }

    public List<StoredResource> resources(Collection<ResourceId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT resource_id, service_name, attributes::text FROM resources WHERE resource_id IN ("
                        + placeholders(ids.size()) + ")")
                .params(ids.stream().map(ResourceId::bytes).toList())
                .query((row, i) -> new StoredResource(new ResourceId(row.getBytes(1)), row.getString(2), row.getString(3)))
                .list();
    }

    /**
     * Calls between services by spans that start in [from, to): each span whose parent span
     * (found if it started at most {@link #PARENT_LEAD} earlier) belongs to another service.
     * Reads raw spans, so its cost grows with the window.
     */
    public List<ServiceCall> serviceCalls(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT p.service_name, c.service_name, count(*)
                FROM spans c JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
                WHERE c.start_time >= ? AND c.start_time < ? AND c.parent_span_id IS NOT NULL
                  AND p.start_time >= ? AND p.start_time < ? AND p.service_name <> c.service_name
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param(Timestamp.from(from)).param(Timestamp.from(to))
                .param(Timestamp.from(from.minus(PARENT_LEAD))).param(Timestamp.from(to.plus(PARENT_LEAD)))
                .query((row, i) -> new ServiceCall(row.getString(1), row.getString(2), row.getLong(3))).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static SpanRow span(ResultSet row) throws SQLException {
        var origin = new Origin(row.getString(1), new ResourceId(row.getBytes(2)), row.getString(3), row.getString(4));
        return new SpanRow(origin, row.getBytes(5), row.getBytes(6), row.getBytes(7), row.getString(8), row.getInt(9),
                row.getLong(10) * 1000, row.getLong(11), new SpanRow.SpanStatus(row.getInt(12), row.getString(13)),
                row.getString(14), row.getString(15), row.getString(16), row.getString(17));
    }
}
