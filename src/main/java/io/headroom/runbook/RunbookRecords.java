package io.headroom.runbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code runbooks} and {@code runbook_versions} tables. */
@Repository
class RunbookRecords {

    private static final String SELECT = "SELECT id, slug, title, owner, markdown, version, updated_at, updated_by FROM runbooks";

    private final JdbcClient jdbc;

    RunbookRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts version 1 and its version row. @return the id */
    long insert(Runbook runbook) {
        long id = jdbc.sql("""
                INSERT INTO runbooks (slug, title, owner, markdown, version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id""")
                .params(runbook.slug(), runbook.title(), runbook.owner(), runbook.markdown(), Timestamp.from(runbook.updatedAt()),
                        runbook.updatedBy())
                .query(Long.class).single();
        insertVersion(id, 1, runbook);
        return id;
    }

    /**
     * Saves the next version if the stored one is still {@code expectedVersion}.
     *
     * @return false when someone saved in between (or the runbook is gone)
     */
    boolean update(Runbook runbook, int expectedVersion) {
        int updated = jdbc.sql("""
                UPDATE runbooks SET title = ?, owner = ?, markdown = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE slug = ? AND version = ?""")
                .params(runbook.title(), runbook.owner(), runbook.markdown(), Timestamp.from(runbook.updatedAt()), runbook.updatedBy(),
                        runbook.slug(), expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        insertVersion(runbook.id(), expectedVersion + 1, runbook);
        return true;
    }

    boolean delete(String slug) {
        return jdbc.sql("DELETE FROM runbooks WHERE slug = ?").param(slug).update() > 0;
    }

    Optional<Runbook> find(String slug) {
        return jdbc.sql(SELECT + " WHERE slug = ?").param(slug).query(this::runbook).optional();
    }

    /** All runbooks by title; or those matching a web-search query, best first. */
    List<Runbook> search(String query, int limit) {
        if (query == null) {
            return jdbc.sql(SELECT + " ORDER BY lower(title) LIMIT ?").param(limit).query(this::runbook).list();
        }
        // Full-text for words, and a substring match so "p99" or a half-typed slug still finds something.
        return jdbc.sql(SELECT + """
                 , websearch_to_tsquery('english', ?) q
                WHERE search @@ q OR title ILIKE ? OR slug ILIKE ?
                ORDER BY ts_rank(search, q) DESC, lower(title) LIMIT ?""")
                .params(query, like(query), like(query), limit).query(this::runbook).list();
    }

    List<RunbookVersion> versions(long runbookId) {
        return jdbc.sql("""
                SELECT version, title, owner, markdown, changed_at, changed_by FROM runbook_versions
                WHERE runbook_id = ? ORDER BY version DESC""")
                .param(runbookId).query(RunbookRecords::version).list();
    }

    private void insertVersion(long id, int version, Runbook runbook) {
        jdbc.sql("""
                INSERT INTO runbook_versions (runbook_id, version, title, owner, markdown, changed_at, changed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, runbook.title(), runbook.owner(), runbook.markdown(), Timestamp.from(runbook.updatedAt()),
                        runbook.updatedBy())
                .update();
    }

    private static String like(String query) {
        return "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Runbook runbook(ResultSet rs, int row) throws SQLException {
        return new Runbook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getTimestamp(7).toInstant(), rs.getString(8));
    }

    private static RunbookVersion version(ResultSet rs, int row) throws SQLException {
        return new RunbookVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6));
    }
}
