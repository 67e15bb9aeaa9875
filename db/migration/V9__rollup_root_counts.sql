-- Spans without a parent: each starts a trace, so they count transactions (a request to the fleet),
-- where request_count counts every service's entry spans (one transaction is a request to each
-- service it passes through). Rows written before this migration count 0.
ALTER TABLE operation_rollup_1m ADD COLUMN root_count bigint NOT NULL DEFAULT 0;
ALTER TABLE service_rollup_1m ADD COLUMN root_count bigint NOT NULL DEFAULT 0;
