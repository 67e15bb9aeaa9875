-- Metric samples are stored in two steps, as Prometheus stores them (a WAL and a head, then
-- chunks), so that a sample row with its B-tree entry is not paid per sample on the ingest path:
--
-- 1. metric_sample_batches: each write transaction stores all its samples as ONE row of
--    parallel arrays. This is what an ingest acknowledgement waits for: durable and already
--    queryable (through the metric_samples view), at a cost per transaction, not per sample.
-- 2. metric_chunks: io.headroom.store.MetricCompactor regroups batches every few seconds into one
--    row per series and day, indexed by (series_id, start_time), and deletes the batches in the
--    same transaction, so every sample is in exactly one of the two tables.
--
-- A value of NULL is a stale marker (the series ended there); histograms holds exponential
-- histogram buckets as jsonb, NULL when no sample of the row has any.
CREATE TABLE metric_sample_batches (
    batch_id    bigint             GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz        NOT NULL DEFAULT now(),
    series_ids  bigint[]           NOT NULL,
    times       timestamptz[]      NOT NULL,
    "values"    double precision[] NOT NULL,
    histograms  jsonb[]
);
-- Arrays of numbers barely compress and are read whole: keeping them uncompressed saves CPU on both sides.
ALTER TABLE metric_sample_batches ALTER COLUMN series_ids SET STORAGE EXTERNAL,
    ALTER COLUMN times SET STORAGE EXTERNAL, ALTER COLUMN "values" SET STORAGE EXTERNAL;

CREATE TABLE metric_chunks (
    service_name text               NOT NULL,
    series_id    bigint             NOT NULL,
    start_time   timestamptz        NOT NULL,
    end_time     timestamptz        NOT NULL,
    times        timestamptz[]      NOT NULL,
    "values"     double precision[] NOT NULL,
    histograms   jsonb[]
) PARTITION BY RANGE (start_time);

CREATE INDEX metric_chunks_series_time_idx ON metric_chunks (series_id, start_time);

-- Samples stored so far move to the batches; the compactor turns them into chunks.
INSERT INTO metric_sample_batches (series_ids, times, "values", histograms)
SELECT array_agg(series_id ORDER BY time), array_agg(time ORDER BY time), array_agg(value ORDER BY time),
       CASE WHEN count(histogram) = 0 THEN NULL ELSE array_agg(histogram ORDER BY time) END
FROM metric_samples
GROUP BY date_trunc('hour', time);

DROP TABLE metric_samples;

-- One sample a row, wherever it is now: for reading a few series, and for tests. KPI queries
-- on long windows read metric_chunks by (series_id, start_time) instead.
CREATE VIEW metric_samples AS
SELECT c.service_name, c.series_id, u.time, u.value, u.histogram
FROM metric_chunks c
CROSS JOIN LATERAL unnest(c.times, c."values", c.histograms) AS u(time, value, histogram)
UNION ALL
SELECT s.service_name, u.series_id, u.time, u.value, u.histogram
FROM metric_sample_batches b
CROSS JOIN LATERAL unnest(b.series_ids, b.times, b."values", b.histograms) AS u(series_id, time, value, histogram)
JOIN metric_series s ON s.series_id = u.series_id;
