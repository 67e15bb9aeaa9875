-- Credentials for machines. Only a SHA-256 of each token is kept (tokens are 256 random bits, so
-- a fast hash is enough); the token itself is shown once, when it is made.
CREATE TABLE api_tokens (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    scope                text NOT NULL CHECK (scope IN ('ingest', 'read', 'alertmanager')),
    token_hash           bytea NOT NULL UNIQUE,
    hint                 text NOT NULL,
    created_at           timestamptz NOT NULL,
    created_by           text NOT NULL,
    expires_at           timestamptz,
    revoked_at           timestamptz,
    last_used_at         timestamptz,
    requests_per_second  double precision NOT NULL CHECK (requests_per_second > 0),
    records_per_second   double precision NOT NULL CHECK (records_per_second > 0),
    burst_seconds        double precision NOT NULL CHECK (burst_seconds > 0)
);
