-- A Prometheus stale marker ends a series at its time. It is stored as a sample without a
-- value, so aggregates skip it while range queries still see where the series stopped.
ALTER TABLE metric_samples ALTER COLUMN value DROP NOT NULL;

-- Digests of ingest requests that senders retry verbatim (Prometheus remote_write resends a
-- batch whose answer it did not get). A replayed request finds its digest here and stores
-- nothing twice. Kept for a day (io.headroom.store.PartitionMaintenance trims it).
CREATE TABLE ingest_request_digests (
    digest      bytea       PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ingest_request_digests_received_idx ON ingest_request_digests (received_at);
