-- Apdex target time T per service (module kpi); services without a row use headroom.kpi.apdex-threshold.
CREATE TABLE service_apdex (
    service_name text             PRIMARY KEY,
    threshold_ms double precision NOT NULL CHECK (threshold_ms > 0),
    updated_at   timestamptz      NOT NULL
);
