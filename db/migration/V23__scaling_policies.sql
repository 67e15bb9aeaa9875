-- Target-tracking autoscaling policies (one per service, as one HPA per target) and every
-- evaluation with its explanation: the recommendations later evaluations stabilise over, the
-- actions rate limits count, and the answer to "why did (or didn't) it scale?".
CREATE TABLE scaling_policies (
    id                bigserial PRIMARY KEY,
    service           text NOT NULL UNIQUE,
    metric            text NOT NULL,
    target            double precision NOT NULL,
    tolerance         double precision NOT NULL,
    min_instances     integer NOT NULL,
    max_instances     integer NOT NULL,
    scale_up          jsonb NOT NULL,
    scale_down        jsonb NOT NULL,
    cooldown_seconds  integer NOT NULL,
    schedules         jsonb NOT NULL,
    exclude_chaos     boolean NOT NULL,
    enabled           boolean NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE scaling_evaluations (
    id                bigserial PRIMARY KEY,
    policy_id         bigint NOT NULL REFERENCES scaling_policies (id) ON DELETE CASCADE,
    service           text NOT NULL,
    at                timestamptz NOT NULL,
    metric            text NOT NULL,
    metric_value      double precision,
    target            double precision NOT NULL,
    ratio             double precision,
    tolerance         double precision NOT NULL,
    within_tolerance  boolean NOT NULL,
    current_instances integer NOT NULL,
    recommended       integer NOT NULL,
    stabilized        integer NOT NULL,
    desired           integer NOT NULL,
    action            text NOT NULL,
    limited_by        text,
    schedule_floor    integer,
    held_by           text,
    applied           boolean NOT NULL,
    error             text,
    steps             jsonb NOT NULL
);
CREATE INDEX scaling_evaluations_policy_at ON scaling_evaluations (policy_id, at DESC);
CREATE INDEX scaling_evaluations_service_at ON scaling_evaluations (service, at DESC);
