package io.headroom.demo;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Sends requests to the gateway over real HTTP at a rate that follows a {@link TrafficPattern}
 * around a base rate that can be changed while it runs. Each request runs on its own pooled
 * thread, so a slow fleet does not slow the arrival rate (as with real users); in-flight
 * requests are capped so an unresponsive fleet cannot pile up unbounded work here.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(20);
    private static final int MAX_IN_FLIGHT = 1_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Three in five requests browse products, one in five looks at the cart, one in five checks out. */
    private static final List<String> PATHS = List.of(ShopTopology.PRODUCTS, ShopTopology.PRODUCTS, ShopTopology.PRODUCTS,
            ShopTopology.CART, ShopTopology.CHECKOUT);

    // Core threads stay, so the usual few dozen requests in flight cause no thread churn.
    private final ExecutorService senders = new ThreadPoolExecutor(32, MAX_IN_FLIGHT, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "demo-load-sender");
                thread.setDaemon(true);
                return thread;
            });
    private final Supplier<Optional<URI>> gateway;
    private final TrafficPattern pattern;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-load");
        thread.setDaemon(true);
        return thread;
    });
    private final long startNanos = System.nanoTime();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder shed = new LongAdder();
    private volatile double baseRps;
    private volatile double currentRps;
    private volatile long burstEndsNanos;
    private double owed;

    LoadGenerator(Supplier<Optional<URI>> gateway, double baseRps, TrafficPattern pattern) {
        this.gateway = gateway;
        this.baseRps = baseRps;
        this.pattern = pattern;
        ticker.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    void setBaseRps(double rps) {
        baseRps = rps;
    }

    LoadStatus status() {
        return new LoadStatus(baseRps, currentRps, bursting(System.nanoTime()), sent.sum(), succeeded.sum(), failed.sum(),
                shed.sum(), inFlight.get(), pattern);
    }

    private boolean bursting(long now) {
        return now - burstEndsNanos < 0;
    }

    private void tick() {
        long now = System.nanoTime();
        if (!bursting(now) && ThreadLocalRandom.current().nextDouble() < pattern.burstChance(TICK)) {
            burstEndsNanos = now + pattern.burstLength().toNanos();
        }
        double rate = baseRps * pattern.daily(Duration.ofNanos(now - startNanos)) * (bursting(now) ? pattern.burstFactor() : 1);
        currentRps = rate;
        owed += rate * TICK.toMillis() / 1000.0;
        while (owed >= 1) {
            owed -= 1;
            send();
        }
    }

    private void send() {
        Optional<URI> target = gateway.get();
        if (target.isEmpty()) {
            sent.increment();
            failed.increment();
            return;
        }
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            shed.increment();
            return;
        }
        URI uri = target.get().resolve(PATHS.get(ThreadLocalRandom.current().nextInt(PATHS.size())));
        sent.increment();
        inFlight.incrementAndGet();
        try {
            senders.execute(() -> {
                try {
                    (DemoHttp.get(uri, Map.of(), CONNECT_TIMEOUT, REQUEST_TIMEOUT) < 400 ? succeeded : failed).increment();
                } catch (IOException e) {
                    failed.increment();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            failed.increment();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
