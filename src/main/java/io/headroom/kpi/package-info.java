/**
 * Turns rollups into the numbers operators act on: throughput, error rate and latency percentiles per service, for any window and step. Views (ui) and the JSON API (api) call the same ServiceKpis service.
 */
package io.headroom.kpi;
