/**
 * The embedded demo fleet: a small shop of real HTTP services on loopback ports, with bounded
 * worker pools, real downstream calls carrying W3C traceparent, and telemetry as real services
 * send it (the OpenTelemetry SDK over OTLP, Prometheus /metrics on every instance, the Jaeger
 * client for billing). A load generator drives the gateway. The fleet is the first
 * {@link io.headroom.scaling.ScaleTarget} and {@link io.headroom.chaos.FaultInjector}. Nothing
 * here calls Headroom's internals: its telemetry arrives over sockets.
 */
package io.headroom.demo;
