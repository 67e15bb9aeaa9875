/**
 * Alert rules on KPIs, their evaluation and the state of each alert. A rule compares a KPI of
 * every service matching a pattern with a threshold over a window, or follows a service's SLO
 * burn rate; {@link io.headroom.alerting.AlertEvaluator} evaluates them all every 10 s under an
 * advisory lock (one Headroom instance at a time), through the pure
 * {@link io.headroom.alerting.AlertStateMachine}, and persists each alert's state. Delivery is
 * another module's ({@code notify}), reached through {@link io.headroom.alerting.AlertStateChanged},
 * published inside the evaluation's transaction.
 */
package io.headroom.alerting;
