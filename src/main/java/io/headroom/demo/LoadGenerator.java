package io.headroom.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Sends requests to the gateway over real HTTP at a rate that follows a {@link TrafficPattern}
 * around a base rate that can be changed while it runs. Requests are asynchronous, so a slow
 * fleet does not slow the arrival rate (as with real users); in-flight requests are capped so
 * an unresponsive fleet cannot pile up unbounded work here.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(20);
    private static final int MAX_IN_FLIGHT = 1_000;
    private static final List<String> PATHS = List.of("/products", "/products", "/products", "/cart", "/checkout");

    private final HttpClient client;
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

    LoadGenerator(HttpClient client, Supplier<Optional<URI>> gateway, double baseRps, TrafficPattern pattern) {
        this.client = client;
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
        String path = PATHS.get(ThreadLocalRandom.current().nextInt(PATHS.size()));
        sent.increment();
        inFlight.incrementAndGet();
        client.sendAsync(HttpRequest.newBuilder(target.get().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    inFlight.decrementAndGet();
                    (error == null && response.statusCode() < 400 ? succeeded : failed).increment();
                });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
