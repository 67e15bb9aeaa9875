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
import java.util.function.Supplier;

/**
 * Sends requests to the gateway at a steady rate over real HTTP. Requests are asynchronous, so
 * a slow fleet does not slow the arrival rate (as with real users); in-flight requests are
 * capped so an unresponsive fleet cannot pile up unbounded work here.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(20);
    private static final int MAX_IN_FLIGHT = 1_000;
    private static final List<String> PATHS = List.of("/products", "/products", "/products", "/cart", "/checkout");

    private final HttpClient client;
    private final Supplier<Optional<URI>> gateway;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-load");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger inFlight = new AtomicInteger();
    private final double rps;
    private double owed;

    LoadGenerator(HttpClient client, Supplier<Optional<URI>> gateway, double rps) {
        this.client = client;
        this.gateway = gateway;
        this.rps = rps;
        ticker.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        owed += rps * TICK.toMillis() / 1000.0;
        while (owed >= 1) {
            owed -= 1;
            send();
        }
    }

    private void send() {
        Optional<URI> target = gateway.get();
        if (target.isEmpty() || inFlight.get() >= MAX_IN_FLIGHT) {
            return;
        }
        String path = PATHS.get(ThreadLocalRandom.current().nextInt(PATHS.size()));
        inFlight.incrementAndGet();
        client.sendAsync(HttpRequest.newBuilder(target.get().resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> inFlight.decrementAndGet());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
