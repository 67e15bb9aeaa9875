-- Full-text search over log bodies. The 'simple' configuration neither stems nor drops stop
-- words: log text is identifiers, paths, codes and English in about equal parts, and an operator
-- searching for "failed" does not want "fail" too. GIN, because a search asks for rows holding a
-- word; created on the partitioned table, so every day's partition gets its own.
CREATE INDEX log_records_body_fts_idx ON log_records USING gin (to_tsvector('simple', coalesce(body, '')));
