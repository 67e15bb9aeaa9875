-- Scheduled experiments (GameDays): the last scheduled time a process claimed for each, so that
-- of several Headroom processes exactly one starts it.
ALTER TABLE chaos_experiments ADD COLUMN last_scheduled_at timestamptz;

-- A fault may hit a share of a service's instances, picked when it starts.
ALTER TABLE chaos_faults ADD COLUMN instance_percentage double precision NOT NULL DEFAULT 100;
