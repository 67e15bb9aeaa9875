/**
 * Takes telemetry in. Protocol adapters (sub-packages, e.g. otlp) only decode and validate; the IngestPipeline batches every adapter's records into the store and answers only after commit.
 */
package io.headroom.ingest;
