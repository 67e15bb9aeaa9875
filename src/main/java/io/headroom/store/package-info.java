/**
 * Owns every table: the schema, the bulk writer (binary COPY in one transaction per batch), the per-minute rollups and their mergeable latency histograms, partitions and retention, and the embedded PostgreSQL.
 */
package io.headroom.store;
