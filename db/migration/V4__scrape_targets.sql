-- Scrape targets added in the UI or over the API; configured and discovered ones are not stored.
CREATE TABLE scrape_targets (
    target_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job        text        NOT NULL,
    url        text        NOT NULL,
    labels     jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (job, url)
);
