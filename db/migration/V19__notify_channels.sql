-- Notification channels, the groups of alerts they notify about, and every delivery with its
-- attempts (module notify).

CREATE TABLE notification_channels (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                     text NOT NULL UNIQUE,
    url                      text NOT NULL,
    format                   text NOT NULL CHECK (format IN ('alertmanager', 'slack', 'json')),
    secret                   text NOT NULL,
    matchers                 jsonb NOT NULL DEFAULT '[]',
    group_by                 jsonb NOT NULL DEFAULT '["alertname"]',
    group_wait_seconds       integer NOT NULL CHECK (group_wait_seconds BETWEEN 0 AND 86400),
    group_interval_seconds   integer NOT NULL CHECK (group_interval_seconds BETWEEN 1 AND 86400),
    repeat_interval_seconds  integer NOT NULL CHECK (repeat_interval_seconds BETWEEN 60 AND 604800),
    send_resolved            boolean NOT NULL DEFAULT true,
    enabled                  boolean NOT NULL DEFAULT true,
    updated_at               timestamptz NOT NULL
);

-- A channel's alerts by group (its group_by labels' values); next_flush_at is when the group is
-- due to be notified: group_wait after it formed, group_interval after a change that followed a
-- notification, repeat_interval while nothing changes and something fires.
CREATE TABLE notification_groups (
    channel_id     bigint NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    group_key      text NOT NULL,
    group_labels   jsonb NOT NULL,
    next_flush_at  timestamptz,
    last_flush_at  timestamptz,
    PRIMARY KEY (channel_id, group_key)
);
CREATE INDEX notification_groups_due_idx ON notification_groups (next_flush_at) WHERE next_flush_at IS NOT NULL;

-- The latest state of each alert of a group, written in the transaction that changed it (the
-- outbox); notified says whether that state has gone out in a delivery yet.
CREATE TABLE notification_group_alerts (
    channel_id   bigint NOT NULL,
    group_key    text NOT NULL,
    fingerprint  text NOT NULL,
    alert        jsonb NOT NULL,
    firing       boolean NOT NULL,
    changed_at   timestamptz NOT NULL,
    notified     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (channel_id, group_key, fingerprint),
    FOREIGN KEY (channel_id, group_key) REFERENCES notification_groups (channel_id, group_key) ON DELETE CASCADE
);

-- One notification to send: its body is fixed when it is created, its webhook_id stays the same
-- across retries (receivers deduplicate on it). A claimed delivery has a lease; one whose lease
-- ran out (its sender died) is claimed again.
CREATE TABLE notification_deliveries (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       text NOT NULL UNIQUE,
    channel_id       bigint REFERENCES notification_channels (id) ON DELETE SET NULL,
    channel_name     text NOT NULL,
    group_key        text,
    kind             text NOT NULL CHECK (kind IN ('alerts', 'test')),
    body             text NOT NULL,
    alerts_firing    integer NOT NULL,
    alerts_resolved  integer NOT NULL,
    status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts         integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    finished_at      timestamptz,
    last_status      integer,
    last_error       text
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_deliveries_created_idx ON notification_deliveries (created_at DESC);

CREATE TABLE notification_attempts (
    delivery_id       bigint NOT NULL REFERENCES notification_deliveries (id) ON DELETE CASCADE,
    attempt           integer NOT NULL,
    at                timestamptz NOT NULL,
    duration_ms       integer NOT NULL,
    status_code       integer,
    error             text,
    response_excerpt  text,
    PRIMARY KEY (delivery_id, attempt)
);
