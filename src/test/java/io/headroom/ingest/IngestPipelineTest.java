package io.headroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.headroom.store.LogRow;
import io.headroom.store.Origin;
import io.headroom.store.ResourceId;
import io.headroom.store.TelemetryBatch;
import io.headroom.store.TelemetryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The pipeline's promises, against a store that can hang or fail on demand. */
class IngestPipelineTest {

    /** A hand-written store: records what it committed, can be held shut or made to fail. */
    static final class ControllableStore implements TelemetryStore {
        final List<List<TelemetryBatch>> transactions = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean failing;

        @Override
        public void write(List<TelemetryBatch> batches) throws SQLException {
            entered.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failing) {
                throw new SQLException("connection refused", "08001");
            }
            transactions.add(List.copyOf(batches));
        }
    }

    private final ControllableStore store = new ControllableStore();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private IngestPipeline pipeline;

    @AfterEach
    void stop() {
        store.gate.countDown();
        if (pipeline != null) {
            pipeline.stop();
        }
    }

    private IngestPipeline start(int queueCapacity, int writers) {
        var properties = new IngestProperties(queueCapacity, 1_000, writers, DataSize.ofMegabytes(1), 3);
        pipeline = new IngestPipeline(store, properties, new IngestMetrics(registry), registry);
        pipeline.start();
        return pipeline;
    }

    @Test
    void completesOnlyAfterTheStoreCommitted() {
        start(100, 1);
        store.gate = new CountDownLatch(1);
        CompletableFuture<Void> committed = pipeline.submit(batch(5));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !committed.isDone());
        store.gate.countDown();
        committed.join();
        assertThat(store.transactions).hasSize(1);
    }

    @Test
    void concurrentRequestsShareOneTransaction() {
        start(1_000, 1);
        store.gate = new CountDownLatch(1);
        var first = pipeline.submit(batch(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.entered.getCount() == 0);
        var more = List.of(pipeline.submit(batch(2)), pipeline.submit(batch(3)), pipeline.submit(batch(4)));
        store.gate.countDown();
        first.join();
        more.forEach(CompletableFuture::join);
        assertThat(store.transactions.stream().mapToInt(List::size).sum()).isEqualTo(4);
        assertThat(store.transactions).as("the three batches queued behind the first were written together")
                .extracting(List::size).containsExactly(1, 3);
    }

    @Test
    void refusesWhenTheQueueIsFullAndCountsIt() {
        start(10, 1);
        store.gate = new CountDownLatch(1);
        var held = pipeline.submit(batch(6));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.entered.getCount() == 0);
        var queued = pipeline.submit(batch(4));
        var refused = pipeline.submit(batch(1));

        assertThat(refused).isCompletedExceptionally();
        assertThat(reason(refused)).isEqualTo(IngestPipeline.Refused.Reason.QUEUE_FULL);
        store.gate.countDown();
        held.join();
        queued.join();
        assertThat(pipeline.submit(batch(1))).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aStoreFailureFailsEveryRequestInTheTransaction() {
        start(100, 1);
        store.failing = true;
        var first = pipeline.submit(batch(1));
        var second = pipeline.submit(batch(1));
        assertThat(reason(first)).isEqualTo(IngestPipeline.Refused.Reason.STORE_UNAVAILABLE);
        assertThat(reason(second)).isEqualTo(IngestPipeline.Refused.Reason.STORE_UNAVAILABLE);
        assertThat(registry.get("headroom.ingest.queue.records").gauge().value()).isZero();
    }

    @Test
    void afterStopNothingIsAccepted() {
        start(100, 1);
        pipeline.stop();
        assertThat(reason(pipeline.submit(batch(1)))).isEqualTo(IngestPipeline.Refused.Reason.SHUTTING_DOWN);
    }

    private static IngestPipeline.Refused.Reason reason(CompletableFuture<Void> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the batch to be refused");
        } catch (java.util.concurrent.ExecutionException e) {
            return ((IngestPipeline.Refused) e.getCause()).reason();
        } catch (CompletionException | InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private static TelemetryBatch batch(int records) {
        var origin = new Origin("svc", new ResourceId(new byte[16]), null, null);
        var builder = TelemetryBatch.builder();
        for (int i = 0; i < records; i++) {
            builder.addLog(new LogRow(origin, 1, 0, 9, "INFO", "line " + i, null, null, 0, null, "{}"));
        }
        return builder.build();
    }
}
