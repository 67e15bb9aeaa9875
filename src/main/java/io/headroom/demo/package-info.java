/**
 * The embedded demo fleet: a small shop of real HTTP services on loopback ports, with bounded
 * worker pools, real downstream calls carrying W3C traceparent, and the OpenTelemetry SDK
 * exporting to Headroom over OTLP like any monitored service. A load generator drives the
 * gateway. Nothing here calls Headroom's internals: its telemetry arrives over sockets.
 */
package io.headroom.demo;
