-- The runbooks Headroom's default alert rules link to. They are ordinary runbooks: edit them to
-- fit your fleet (each save is a new version; these stay as version 1).

INSERT INTO runbooks (slug, title, owner, markdown, version, updated_at, updated_by) VALUES
('high-latency', 'High p99 latency', 'platform team', $md$
A service answers slowly: its p99 latency is over the threshold of the alert rule.

1. Open the service's page in Headroom (the alert links to it) and look at **saturation** and **instances** beside latency: a service at its capacity is slow because it queues.
2. If saturation is high, scale out: use **Scale** on the service page (or `POST /api/v1/services/{service}/scale`) with one or two more instances, and watch p99 for two minutes.
3. If saturation is low, the time is spent elsewhere: open **Traces** for the service, sort by duration, and follow the slowest spans to the dependency that is slow.
4. Check for a running chaos experiment or fault on the service (the service page lists them) and stop it if it is the cause.
5. When p99 is back under the threshold, note what you found in the incident channel.

| Signal | Where |
|---|---|
| p50/p95/p99 | service page, Latency chart |
| saturation | service page, Saturation chart |
| slow requests | Traces, sorted by duration |
$md$, 1, now(), 'headroom'),
('error-budget-burn', 'Error budget burning', 'platform team', $md$
The service is failing requests fast enough to spend its SLO's error budget early: a burn-rate alert (page: fast, ticket: slow).

1. Open the service page and read the **error rate** chart: when did it start, is it still rising?
2. Open **Traces** filtered to errors for the service and read the error of the newest failed traces; open their **logs** (same trace id).
3. If a deploy, scale change or fault is marked on the charts at the start, roll it back or stop it.
4. If one dependency fails, follow the **service map** to it and work its own runbook.
5. Once the error rate is back to normal, check the SLO panel: how much budget is left for the period.
$md$, 1, now(), 'headroom'),
('instance-down', 'Instances down', 'platform team', $md$
A service runs fewer instances than it should: instances crashed, were killed, or were scaled in too far.

1. Open the service page and compare **instances** with what the service normally runs (the Instances chart over the last day).
2. If an instance-kill fault or experiment is running, stop it.
3. Scale the service back to its usual count with **Scale** on the service page (or `POST /api/v1/services/{service}/scale`).
4. Check latency and error rate: the remaining instances carried the load meanwhile.
$md$, 1, now(), 'headroom');

INSERT INTO runbook_versions (runbook_id, version, title, owner, markdown, changed_at, changed_by)
SELECT id, 1, title, owner, markdown, updated_at, updated_by FROM runbooks WHERE slug IN ('high-latency', 'error-budget-burn', 'instance-down');
