-- Hourly rollups beside the minute ones, so that ranges of days read one row per hour (30 days:
-- 720 rows a service, not 43,200). io.headroom.store.RollupApplier adds every journaled delta
-- into both tiers in the same transaction, so an hour row always equals the sum of its minutes,
-- late spans included.
CREATE TABLE operation_rollup_1h (
    service_name      text        NOT NULL,
    hour              timestamptz NOT NULL,
    operation         text        NOT NULL,
    span_kind         smallint    NOT NULL,
    span_count        bigint      NOT NULL,
    error_count       bigint      NOT NULL,
    duration_sum_ns   bigint      NOT NULL,
    root_count        bigint      NOT NULL,
    latency_histogram bytea       NOT NULL,
    PRIMARY KEY (service_name, hour, operation, span_kind)
);

CREATE TABLE service_rollup_1h (
    service_name      text        NOT NULL,
    hour              timestamptz NOT NULL,
    request_count     bigint      NOT NULL,
    error_count       bigint      NOT NULL,
    duration_sum_ns   bigint      NOT NULL,
    root_count        bigint      NOT NULL,
    latency_histogram bytea       NOT NULL,
    PRIMARY KEY (service_name, hour)
);

-- Minutes stored before this migration are not summed into hours here (their histograms merge
-- only in Java), so the hourly tier is complete only after the last hour that has minute rows
-- already (spans may be stamped up to a day ahead); readers take minutes before that. A new
-- database has no rows: its hourly tier is complete from the start.
CREATE TABLE rollup_tiers (
    tier          text        PRIMARY KEY,
    complete_from timestamptz NOT NULL
);
INSERT INTO rollup_tiers (tier, complete_from)
SELECT '1h', CASE WHEN count(*) = 0 THEN 'epoch'
                  ELSE date_trunc('hour', greatest(now(), max(minute))) + interval '1 hour' END
FROM service_rollup_1m;
