-- Calls between services per minute, for the service map: a span whose parent span belongs to
-- another service is one call from the parent's service (caller) to the span's (callee). Filled
-- from the spans of each minute once it has settled (ServiceEdgeRollups), so a 24-hour map sums
-- 1,440 small rows per edge instead of joining a day of spans.
CREATE TABLE service_edge_rollup_1m (
    minute            timestamptz NOT NULL,
    caller            text        NOT NULL,
    callee            text        NOT NULL,
    call_count        bigint      NOT NULL,
    error_count       bigint      NOT NULL,
    latency_histogram bytea       NOT NULL,   -- the caller's client span when it has one, else the callee's span
    PRIMARY KEY (minute, caller, callee)
);

-- The first minute not yet rolled up; one row.
CREATE TABLE service_edge_progress (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    done_until timestamptz NOT NULL
);
