-- Every action and sign-in: written before the action runs, its outcome filled in after.
-- Only inserted and completed, never edited or deleted by Headroom.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    address       text,
    action        text NOT NULL,
    service       text,
    parameters    jsonb NOT NULL DEFAULT '{}',
    outcome       text NOT NULL,
    detail        text,
    completed_at  timestamptz
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at DESC);
CREATE INDEX audit_log_service_idx ON audit_log (service, at DESC) WHERE service IS NOT NULL;
