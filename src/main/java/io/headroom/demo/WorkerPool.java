package io.headroom.demo;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A server's bounded worker pool, like Tomcat's {@code maxThreads} and {@code acceptCount}: a
 * fixed number of worker threads and a bounded queue of requests waiting for one. A request
 * that finds the queue full runs on the server's own dispatcher thread instead, flagged so
 * that the handler answers 503 at once without doing the work. Fixed threads also mean no
 * thread churn, which cost the fleet more CPU than its requests did.
 */
final class WorkerPool implements Executor {

    private static final ThreadLocal<Boolean> OVERFLOW = new ThreadLocal<>();
    private static final ThreadLocal<Arrival> ARRIVAL = new ThreadLocal<>();

    /** When a request reached the server, before it waited for a worker: its latency counts from here. */
    record Arrival(long nanoTime, long epochNanos) {
        static Arrival now() {
            Instant now = Instant.now();
            return new Arrival(System.nanoTime(), now.getEpochSecond() * 1_000_000_000L + now.getNano());
        }
    }

    private final ThreadPoolExecutor pool;

    WorkerPool(String threadName, int workers, int queue) {
        BlockingQueue<Runnable> waiting = queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
        pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, waiting, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable exchange) {
        Arrival arrival = Arrival.now();
        try {
            pool.execute(() -> run(exchange, arrival));
        } catch (RejectedExecutionException e) {
            OVERFLOW.set(Boolean.TRUE);
            try {
                run(exchange, arrival);
            } finally {
                OVERFLOW.remove();
            }
        }
    }

    private static void run(Runnable exchange, Arrival arrival) {
        ARRIVAL.set(arrival);
        try {
            exchange.run();
        } finally {
            ARRIVAL.remove();
        }
    }

    /** When the request on this thread arrived (now, for work not started by this pool). */
    static Arrival arrival() {
        Arrival arrival = ARRIVAL.get();
        return arrival != null ? arrival : Arrival.now();
    }

    /** Whether the request on this thread found the pool and its queue full. */
    static boolean overflowing() {
        return OVERFLOW.get() != null;
    }

    int busy() {
        return pool.getActiveCount();
    }

    int waiting() {
        return pool.getQueue().size();
    }

    /** Interrupts the workers and drops the queue: in-flight work is lost. */
    void stopNow() {
        pool.shutdownNow();
    }
}
