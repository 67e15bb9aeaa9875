-- Whole hours of service_edge_rollup_1m summed, so a 24-hour service map reads 24 rows per edge
-- and the minutes of at most two partial hours. Written for an hour once all its minutes are
-- rolled up, and again when a re-read minute of it changes.
CREATE TABLE service_edge_rollup_1h (
    hour              timestamptz NOT NULL,
    caller            text        NOT NULL,
    callee            text        NOT NULL,
    call_count        bigint      NOT NULL,
    error_count       bigint      NOT NULL,
    latency_histogram bytea       NOT NULL,
    PRIMARY KEY (hour, caller, callee)
);

-- The first hour not yet summed into service_edge_rollup_1h.
ALTER TABLE service_edge_progress ADD COLUMN hours_until timestamptz;
