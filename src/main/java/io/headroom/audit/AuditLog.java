package io.headroom.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. Each write commits on its own, before the action it records
 * goes on, so an action that crashes Headroom still has its entry.
 */
@Service
public class AuditLog {

    /** Longer details (a stack of causes, a large result) are cut here: the log is for reading. */
    private static final int MAX_DETAIL = 2_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;

    AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock, SecurityContextHolderStrategy security) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.security = security;
    }

    /** Writes an action about to run, by whoever is signed in on this thread. @return the entry's id, to {@link #complete} */
    public long begin(String action, String service, Map<String, ?> parameters) {
        return insert(currentActor(), currentAddress(), action, service, parameters, AuditOutcome.STARTED, null, null);
    }

    public void complete(long id, AuditOutcome outcome, String detail) {
        jdbc.sql("UPDATE audit_log SET outcome = ?, detail = ?, completed_at = ? WHERE id = ? AND completed_at IS NULL")
                .params(outcome.name(), cut(detail), Timestamp.from(clock.instant()), id).update();
    }

    /** Writes something that has already happened (a sign-in), complete. @param address null for the current request's */
    public void record(String actor, String address, String action, Map<String, ?> parameters, AuditOutcome outcome, String detail) {
        insert(actor, address == null ? currentAddress() : address, action, null, parameters, outcome, detail, clock.instant());
    }

    /** Entries matching, newest first. */
    public List<AuditEntry> search(AuditQuery query) {
        var sql = new StringBuilder("""
                SELECT id, at, actor, address, action, service, parameters::text, outcome, detail, completed_at
                FROM audit_log WHERE at >= ? AND at < ?""");
        var params = new ArrayList<Object>(List.of(Timestamp.from(query.from()), Timestamp.from(query.to())));
        if (query.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(query.actor());
        }
        if (query.action() != null) {
            // A prefix match without LIKE's wildcards, so "_" and "%" in a filter mean themselves.
            sql.append(" AND left(action, length(?)) = ?");
            params.add(query.action());
            params.add(query.action());
        }
        if (query.service() != null) {
            sql.append(" AND service = ?");
            params.add(query.service());
        }
        if (query.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(query.outcome().name());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query(AuditLog::entry).list();
    }

    private long insert(String actor, String address, String action, String service, Map<String, ?> parameters, AuditOutcome outcome,
            String detail, Instant completedAt) {
        return jdbc.sql("""
                INSERT INTO audit_log (at, actor, address, action, service, parameters, outcome, detail, completed_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING id""")
                .params(Timestamp.from(clock.instant()), actor, address, action, service, toJson(parameters), outcome.name(), cut(detail),
                        completedAt == null ? null : Timestamp.from(completedAt))
                .query(Long.class).single();
    }

    private String toJson(Map<String, ?> parameters) {
        try {
            return json.writeValueAsString(parameters == null ? Map.of() : parameters);
        } catch (JsonProcessingException e) {
            // An argument Jackson cannot write is still worth naming.
            return json.createObjectNode().put("unwritable", String.valueOf(parameters)).toString();
        }
    }

    private static String cut(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + " …";
    }

    /** The signed-in user's name, or the token's; "system" for work Headroom does on its own. */
    private String currentActor() {
        Authentication authentication = security.getContext().getAuthentication();
        if (authentication == null) {
            return "system";
        }
        return authentication instanceof AnonymousAuthenticationToken ? "anonymous" : authentication.getName();
    }

    /** The client's address for an HTTP request or a UI event; null off a request (a scheduled job). */
    static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        return vaadin == null ? null : vaadin.getRemoteAddr();
    }

    private static AuditEntry entry(ResultSet row, int i) throws SQLException {
        Timestamp completed = row.getTimestamp(10);
        return new AuditEntry(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), AuditOutcome.valueOf(row.getString(8)), row.getString(9),
                completed == null ? null : completed.toInstant());
    }
}
