-- Alert rules, the alerts they raise and every state change (module alerting).

-- A rule either compares a KPI of every service whose name matches service_pattern (an anchored
-- regular expression) with a threshold over a window, or follows one service's SLO burn rate.
CREATE TABLE alert_rules (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z_][A-Za-z0-9_]*$'),
    kind               text NOT NULL CHECK (kind IN ('threshold', 'burn_rate')),
    service_pattern    text NOT NULL,
    kpi                text,
    comparison         text CHECK (comparison IN ('>', '>=', '<', '<=')),
    threshold          double precision,
    burn_level         text CHECK (burn_level IN ('page', 'ticket')),
    window_seconds     integer NOT NULL CHECK (window_seconds BETWEEN 60 AND 86400),
    for_seconds        integer NOT NULL CHECK (for_seconds BETWEEN 0 AND 86400),
    keep_firing_seconds integer NOT NULL CHECK (keep_firing_seconds BETWEEN 0 AND 86400),
    labels             jsonb NOT NULL DEFAULT '{}',
    annotations        jsonb NOT NULL DEFAULT '{}',
    enabled            boolean NOT NULL DEFAULT true,
    updated_at         timestamptz NOT NULL,
    CHECK ((kind = 'threshold') = (kpi IS NOT NULL AND comparison IS NOT NULL AND threshold IS NOT NULL)),
    CHECK ((kind = 'burn_rate') = (burn_level IS NOT NULL))
);

-- One row per alert a rule has raised (a rule and a service), in its current state. Rows stay
-- after they resolve, so a restart neither re-fires nor forgets; a rule's deletion removes them.
CREATE TABLE alerts (
    fingerprint     text PRIMARY KEY,
    rule_id         bigint NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    service         text NOT NULL,
    labels          jsonb NOT NULL,
    annotations     jsonb NOT NULL,
    state           text NOT NULL CHECK (state IN ('INACTIVE', 'PENDING', 'FIRING', 'RESOLVED')),
    active_since    timestamptz,
    fired_at        timestamptz,
    last_breach_at  timestamptz,
    resolved_at     timestamptz,
    value           double precision,
    evaluated_at    timestamptz NOT NULL
);
CREATE INDEX alerts_rule_idx ON alerts (rule_id);
CREATE INDEX alerts_service_idx ON alerts (service);

-- Every change of an alert's state, for its history and the charts' annotations.
CREATE TABLE alert_transitions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint  text NOT NULL,
    rule_name    text NOT NULL,
    service      text NOT NULL,
    at           timestamptz NOT NULL,
    from_state   text NOT NULL,
    to_state     text NOT NULL,
    value        double precision
);
CREATE INDEX alert_transitions_fingerprint_idx ON alert_transitions (fingerprint, at DESC);
CREATE INDEX alert_transitions_service_idx ON alert_transitions (service, at DESC);
