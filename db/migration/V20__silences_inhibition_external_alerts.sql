-- Silences, inhibition rules and the alerts other Alertmanagers send us (module alerting); a
-- group's alert remembers whether its firing went out, so a silenced alert's resolution is not
-- announced either (module notify).

-- A silence mutes the alerts all its matchers select between starts_at and ends_at. Expiring one
-- moves ends_at to the moment it was expired; rows stay, as Alertmanager keeps expired silences.
CREATE TABLE silences (
    id          text PRIMARY KEY,
    matchers    jsonb NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    created_by  text NOT NULL,
    comment     text NOT NULL,
    updated_at  timestamptz NOT NULL,
    CHECK (ends_at > starts_at OR ends_at = updated_at)
);
CREATE INDEX silences_ends_idx ON silences (ends_at);

-- While an alert matching source_matchers fires, alerts matching target_matchers that have the
-- same values of the equal labels are inhibited (Alertmanager's inhibit_rules).
CREATE TABLE inhibit_rules (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_matchers  jsonb NOT NULL,
    target_matchers  jsonb NOT NULL,
    equal_labels     jsonb NOT NULL DEFAULT '[]',
    updated_at       timestamptz NOT NULL
);

-- Alerts posted by Alertmanagers to /api/v1/alertmanager, one row per fingerprint (a re-sent
-- alert updates its row). A firing alert whose ends_at has passed counts as resolved, as in
-- Alertmanager.
CREATE TABLE external_alerts (
    fingerprint    text PRIMARY KEY,
    labels         jsonb NOT NULL,
    annotations    jsonb NOT NULL,
    status         text NOT NULL CHECK (status IN ('firing', 'resolved')),
    starts_at      timestamptz NOT NULL,
    ends_at        timestamptz,
    generator_url  text,
    receiver       text NOT NULL,
    received_at    timestamptz NOT NULL
);
CREATE INDEX external_alerts_received_idx ON external_alerts (received_at DESC);

ALTER TABLE notification_group_alerts ADD COLUMN firing_sent boolean NOT NULL DEFAULT false;
