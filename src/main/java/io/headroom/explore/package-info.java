/**
 * Reads stored telemetry to answer questions about single requests: trace search, traces by id and
 * the calls between services, a trace's span tree with its critical path, and log search (later
 * also the service map). The Traces and Logs services are the public face; jaeger serves traces
 * over Jaeger's query API, so the Jaeger UI, Grafana's Jaeger data source and other Jaeger query
 * clients can read what Headroom stored; api serves traces and logs as JSON; ui shows them.
 */
package io.headroom.explore;
