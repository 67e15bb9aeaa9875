package io.headroom.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.headroom.store.TelemetryBatch;
import io.headroom.store.TelemetryStore;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one path every protocol's records take into the store. Batches from concurrent requests
 * are grouped into one transaction; each request's future completes only after that
 * transaction commits, so an acknowledgement always means the data is durable. The queue is
 * bounded in records: when full, {@link #submit} refuses at once instead of buffering more
 * than was promised.
 */
@Component
public class IngestPipeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration SHUTDOWN_DRAIN = Duration.ofSeconds(10);

    /** Why a batch was not stored; the transport turns it into a status code. */
    public static final class Refused extends RuntimeException {
        public enum Reason { QUEUE_FULL, STORE_UNAVAILABLE, SHUTTING_DOWN }

        private final Reason reason;

        Refused(Reason reason, String message, Throwable cause) {
            super(message, cause, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private record Pending(TelemetryBatch batch, CompletableFuture<Void> committed) {
    }

    private final TelemetryStore writer;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedRecords = new AtomicInteger();
    private final List<Thread> writers = new ArrayList<>();
    private final Timer commitTimer;
    private final DistributionSummary batchSize;
    private volatile boolean running;

    IngestPipeline(TelemetryStore writer, IngestProperties properties, IngestMetrics metrics, MeterRegistry registry) {
        this.writer = writer;
        this.properties = properties;
        this.metrics = metrics;
        this.commitTimer = Timer.builder("headroom.ingest.commit.latency")
                .description("Time to write and commit one batch transaction")
                .publishPercentileHistogram().register(registry);
        this.batchSize = DistributionSummary.builder("headroom.ingest.batch.records")
                .description("Records per committed batch transaction").register(registry);
        Gauge.builder("headroom.ingest.queue.records", queuedRecords, AtomicInteger::get)
                .description("Records waiting for a writer").register(registry);
        Gauge.builder("headroom.ingest.queue.capacity.records", properties, IngestProperties::queueCapacity)
                .register(registry);
    }

    /**
     * @return completes when the batch is committed, or exceptionally with {@link Refused}
     */
    public CompletableFuture<Void> submit(TelemetryBatch batch) {
        var committed = new CompletableFuture<Void>();
        if (batch.recordCount() == 0) {
            committed.complete(null);
            return committed;
        }
        if (!running) {
            committed.completeExceptionally(new Refused(Refused.Reason.SHUTTING_DOWN, "Headroom is shutting down", null));
            return committed;
        }
        int records = batch.recordCount();
        int after = queuedRecords.addAndGet(records);
        // A batch larger than the whole queue is still taken when the queue is empty, or it could never be stored.
        if (after > properties.queueCapacity() && after != records) {
            queuedRecords.addAndGet(-records);
            committed.completeExceptionally(new Refused(Refused.Reason.QUEUE_FULL,
                    "ingest queue is full (" + properties.queueCapacity() + " records)", null));
            return committed;
        }
        queue.add(new Pending(batch, committed));
        return committed;
    }

    private void runWriter() {
        var taken = new ArrayList<Pending>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                int records = first.batch().recordCount();
                Pending next;
                while (records < properties.maxBatchRecords() && (next = queue.poll()) != null) {
                    taken.add(next);
                    records += next.batch().recordCount();
                }
                write(taken, records);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                taken.clear();
            }
        }
    }

    private void write(List<Pending> taken, int records) {
        List<TelemetryBatch> batches = taken.stream().map(Pending::batch).toList();
        long start = System.nanoTime();
        try {
            writer.write(batches);
            commitTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            batchSize.record(records);
            queuedRecords.addAndGet(-records);
            batches.forEach(metrics::committed);
            taken.forEach(pending -> pending.committed().complete(null));
        } catch (Exception e) {
            queuedRecords.addAndGet(-records);
            log.warn("Batch of {} records not stored: {}", records, e.toString());
            var refused = new Refused(Refused.Reason.STORE_UNAVAILABLE, "the store could not commit the batch", e);
            taken.forEach(pending -> pending.committed().completeExceptionally(refused));
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < properties.writerThreads(); i++) {
            Thread thread = new Thread(this::runWriter, "ingest-writer-" + i);
            writers.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + SHUTDOWN_DRAIN.toNanos();
        for (Thread thread : writers) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
        writers.clear();
        Pending left;
        var refused = new Refused(Refused.Reason.SHUTTING_DOWN, "Headroom is shutting down", null);
        while ((left = queue.poll()) != null) {
            queuedRecords.addAndGet(-left.batch().recordCount());
            left.committed().completeExceptionally(refused);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server has finished its graceful shutdown, so accepted requests still commit. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
