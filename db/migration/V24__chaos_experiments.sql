-- Chaos experiments: a definition (faults, steady-state hypothesis, abort conditions), its runs
-- with the definition as it was when each started, every run's timeline, and the kill switch.
CREATE TABLE chaos_experiments (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    service     text NOT NULL,
    definition  jsonb NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE chaos_runs (
    id              bigserial PRIMARY KEY,
    experiment_id   bigint REFERENCES chaos_experiments (id) ON DELETE SET NULL,
    experiment_name text NOT NULL,
    service         text NOT NULL,
    definition      jsonb NOT NULL,
    started_by      text NOT NULL,
    started_at      timestamptz NOT NULL,
    status          text NOT NULL,
    fault_ids       text[] NOT NULL DEFAULT '{}',
    breached_at     timestamptz,
    ended_at        timestamptz,
    end_reason      text,
    hypothesis_held boolean,
    verify_after    timestamptz,
    recovered       boolean,
    -- The Headroom process driving the run and when it last checked: another takes over (and
    -- rolls back) a run whose process stopped checking.
    owner           text NOT NULL,
    heartbeat_at    timestamptz NOT NULL
);
-- One experiment at a time per service: two would confound each other's results, and a
-- double-submitted start must create one run.
CREATE UNIQUE INDEX chaos_runs_one_running_per_service ON chaos_runs (service) WHERE status = 'RUNNING';
CREATE INDEX chaos_runs_started ON chaos_runs (started_at DESC);
CREATE INDEX chaos_runs_unfinished ON chaos_runs (id) WHERE status = 'RUNNING' OR (verify_after IS NOT NULL AND recovered IS NULL);

CREATE TABLE chaos_run_events (
    id      bigserial PRIMARY KEY,
    run_id  bigint NOT NULL REFERENCES chaos_runs (id) ON DELETE CASCADE,
    at      timestamptz NOT NULL,
    kind    text NOT NULL,
    message text NOT NULL,
    kpis    jsonb
);
CREATE INDEX chaos_run_events_run ON chaos_run_events (run_id, at, id);

-- One row: engaged stops every running experiment and fault and refuses new ones until released.
CREATE TABLE chaos_kill_switch (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    engaged    boolean NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    reason     text
);
INSERT INTO chaos_kill_switch (engaged, changed_by, changed_at) VALUES (false, 'headroom', now());
