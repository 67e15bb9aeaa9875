/**
 * Reads stored telemetry to answer questions about single requests: trace search, traces by id and
 * the calls between services (later also log search and the service map). The Traces service is
 * the public face; jaeger serves it over Jaeger's query API, so the Jaeger UI, Grafana's Jaeger
 * data source and other Jaeger query clients can read what Headroom stored.
 */
package io.headroom.explore;
