/**
 * Takes telemetry in. Protocol adapters (sub-packages: otlp, and jaeger, which translates to OTLP) only decode and validate; http holds what their HTTP endpoints share (body limits, status codes); the IngestPipeline batches every adapter's records into the store and answers only after commit.
 */
package io.headroom.ingest;
