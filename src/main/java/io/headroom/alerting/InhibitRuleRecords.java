package io.headroom.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inhibit_rules} table. */
@Repository
class InhibitRuleRecords {

    private final JdbcClient jdbc;
    private final MatcherJson json;

    InhibitRuleRecords(JdbcClient jdbc, MatcherJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(InhibitRule rule, Instant at) {
        return jdbc.sql("""
                INSERT INTO inhibit_rules (source_matchers, target_matchers, equal_labels, updated_at)
                VALUES (?::jsonb, ?::jsonb, ?::jsonb, ?) RETURNING id""")
                .params(json.writeMatchers(rule.sourceMatchers()), json.writeMatchers(rule.targetMatchers()),
                        json.writeTexts(rule.equal()), Timestamp.from(at))
                .query(Long.class).single();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM inhibit_rules WHERE id = ?").param(id).update() > 0;
    }

    List<InhibitRule> all() {
        return jdbc.sql("SELECT id, source_matchers::text, target_matchers::text, equal_labels::text FROM inhibit_rules ORDER BY id")
                .query(this::rule).list();
    }

    private InhibitRule rule(ResultSet rs, int row) throws SQLException {
        return new InhibitRule(rs.getLong(1), json.readMatchers(rs.getString(2)), json.readMatchers(rs.getString(3)),
                json.readTexts(rs.getString(4)));
    }
}
