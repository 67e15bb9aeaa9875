-- Raw telemetry (partitioned by day; partitions are created ahead and dropped by retention in
-- io.headroom.store.PartitionMaintenance) and the per-minute span rollups that every KPI reads.
-- Every telemetry key carries service_name so a distributed PostgreSQL (Citus) can shard by it.

CREATE TABLE resources (
    resource_id  bytea       PRIMARY KEY,          -- first 16 bytes of SHA-256 over the canonical attributes
    service_name text        NOT NULL,
    attributes   jsonb       NOT NULL,
    first_seen   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE services (
    service_name text        PRIMARY KEY,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL
);

CREATE TABLE spans (
    service_name   text        NOT NULL,
    start_time     timestamptz NOT NULL,
    duration_ns    bigint      NOT NULL,
    trace_id       bytea       NOT NULL,
    span_id        bytea       NOT NULL,
    parent_span_id bytea,
    name           text        NOT NULL,
    kind           smallint    NOT NULL,
    status_code    smallint    NOT NULL,
    status_message text,
    trace_state    text,
    scope_name     text,
    scope_version  text,
    resource_id    bytea       NOT NULL,
    attributes     jsonb       NOT NULL,
    events         jsonb,
    links          jsonb
) PARTITION BY RANGE (start_time);

-- Each index costs ingest throughput (figures in docs/RATIONALE.md): trace-by-id needs its
-- B-tree; time ranges use BRIN, almost free to maintain because rows arrive in time order.
CREATE INDEX spans_trace_id_idx ON spans (trace_id);
CREATE INDEX spans_start_time_idx ON spans USING brin (start_time);

CREATE TABLE log_records (
    service_name    text        NOT NULL,
    time            timestamptz NOT NULL,
    observed_time   timestamptz,
    severity_number smallint    NOT NULL,
    severity_text   text,
    body            text,
    trace_id        bytea,
    span_id         bytea,
    flags           integer     NOT NULL,
    event_name      text,
    scope_name      text,
    resource_id     bytea       NOT NULL,
    attributes      jsonb       NOT NULL
) PARTITION BY RANGE (time);

CREATE INDEX log_records_service_time_idx ON log_records (service_name, time);
CREATE INDEX log_records_trace_id_idx ON log_records (trace_id) WHERE trace_id IS NOT NULL;

-- A series is a metric name plus its labels (data-point attributes, and le/quantile for
-- flattened histograms and summaries) from one resource.
CREATE TABLE metric_series (
    series_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    series_hash  bytea       NOT NULL UNIQUE,
    service_name text        NOT NULL,
    metric_name  text        NOT NULL,
    metric_type  text        NOT NULL,
    unit         text,
    description  text,
    resource_id  bytea       NOT NULL,
    labels       jsonb       NOT NULL,
    first_seen   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX metric_series_name_idx ON metric_series (metric_name, service_name);

CREATE TABLE metric_samples (
    service_name text             NOT NULL,
    series_id    bigint           NOT NULL,
    time         timestamptz      NOT NULL,
    value        double precision NOT NULL,
    histogram    jsonb            -- exponential histogram buckets; value holds the count
) PARTITION BY RANGE (time);

CREATE INDEX metric_samples_series_time_idx ON metric_samples (series_id, time);

-- The rollup deltas of committed batches, each written in the transaction that stores its spans
-- and added into the rollup tables shortly after (io.headroom.store.RollupApplier), in the
-- transaction that deletes it: every span counts in the rollups exactly once.
CREATE TABLE rollup_journal (
    entry_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now(),
    delta      bytea       NOT NULL
);
-- Deltas are short-lived and mostly varints: compressing them costs more CPU than it saves.
ALTER TABLE rollup_journal ALTER COLUMN delta SET STORAGE EXTERNAL;

-- Rollups: one row per minute per key; appliers in any number of Headroom instances merge
-- into the same row (read under FOR UPDATE, add, write back).
CREATE TABLE operation_rollup_1m (
    service_name      text        NOT NULL,
    minute            timestamptz NOT NULL,
    operation         text        NOT NULL,
    span_kind         smallint    NOT NULL,
    span_count        bigint      NOT NULL,
    error_count       bigint      NOT NULL,
    duration_sum_ns   bigint      NOT NULL,
    latency_histogram bytea       NOT NULL,
    PRIMARY KEY (service_name, minute, operation, span_kind)
);

-- Requests of a service: its entry spans (kind SERVER or CONSUMER, or spans without a parent).
CREATE TABLE service_rollup_1m (
    service_name      text        NOT NULL,
    minute            timestamptz NOT NULL,
    request_count     bigint      NOT NULL,
    error_count       bigint      NOT NULL,
    duration_sum_ns   bigint      NOT NULL,
    latency_histogram bytea       NOT NULL,
    PRIMARY KEY (service_name, minute)
);
