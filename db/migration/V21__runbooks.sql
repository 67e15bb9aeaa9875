-- Runbooks and every version of them (module runbook). A runbook's slug is its stable address,
-- /runbooks/{slug}; each save adds a version row, so who changed what when is never lost.

CREATE TABLE runbooks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
    title       text NOT NULL,
    owner       text NOT NULL,
    markdown    text NOT NULL,
    version     integer NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text NOT NULL,
    search      tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('simple', slug || ' ' || owner), 'B')
                    || setweight(to_tsvector('english', markdown), 'C')) STORED
);
CREATE INDEX runbooks_search_idx ON runbooks USING gin (search);

CREATE TABLE runbook_versions (
    runbook_id  bigint NOT NULL REFERENCES runbooks (id) ON DELETE CASCADE,
    version     integer NOT NULL,
    title       text NOT NULL,
    owner       text NOT NULL,
    markdown    text NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text NOT NULL,
    PRIMARY KEY (runbook_id, version)
);
