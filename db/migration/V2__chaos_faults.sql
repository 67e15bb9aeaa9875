-- Faults injected into services (module chaos). Kept after they end: they are the history
-- that charts annotate and that tells, after a restart, which faults were left running.
CREATE TABLE chaos_faults (
    id          uuid PRIMARY KEY,
    service     text        NOT NULL,
    type        text        NOT NULL,
    magnitude   double precision NOT NULL,
    jitter      double precision NOT NULL,
    percentage  double precision NOT NULL,
    started_at  timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    ended_at    timestamptz,
    end_reason  text
);

CREATE INDEX chaos_faults_started ON chaos_faults (started_at DESC);
CREATE INDEX chaos_faults_running ON chaos_faults (ends_at) WHERE ended_at IS NULL;
