package io.headroom.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param queueCapacity records (spans, log records, samples) waiting for a writer; beyond it
 *     requests are answered 503 with Retry-After
 * @param maxBatchRecords records one writer transaction takes from the queue at most
 * @param writerThreads concurrent writer transactions; two let one encode while the other commits
 * @param maxRequestSize largest request body after decompression
 * @param retryAfterSeconds what overloaded clients are told to wait
 */
@ConfigurationProperties("headroom.ingest")
public record IngestProperties(Integer queueCapacity, Integer maxBatchRecords, Integer writerThreads,
        DataSize maxRequestSize, Integer retryAfterSeconds) {

    public IngestProperties {
        queueCapacity = queueCapacity == null ? 200_000 : queueCapacity;
        maxBatchRecords = maxBatchRecords == null ? 20_000 : maxBatchRecords;
        writerThreads = writerThreads == null ? 2 : writerThreads;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(16) : maxRequestSize;
        retryAfterSeconds = retryAfterSeconds == null ? 2 : retryAfterSeconds;
    }
}
