package io.headroom.ingest.scrape;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.headroom.ingest.IngestPipeline;
import io.headroom.ingest.prometheus.ExpositionParseException;
import io.headroom.ingest.scrape.TargetHealth.State;
import io.headroom.store.TelemetryBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes one target every interval, at an offset derived from the target so that many
 * targets spread over the interval instead of arriving together (as Prometheus does). A
 * scrape still running when the next is due makes that one skip. Records the target's health.
 */
final class ScrapeLoop {

    private static final Logger log = LoggerFactory.getLogger(ScrapeLoop.class);

    private final ScrapeTarget target;
    private final ScrapeFetcher fetcher;
    private final TargetSeries series;
    private final IngestPipeline pipeline;
    private final Executor workers;
    private final Clock clock;
    private final long bodyLimit;
    private final AtomicBoolean scraping = new AtomicBoolean();
    private volatile TargetHealth health = TargetHealth.NOT_YET;
    private ScheduledFuture<?> schedule;

    ScrapeLoop(ScrapeTarget target, ScrapeFetcher fetcher, TargetSeries series, IngestPipeline pipeline, Executor workers,
            Clock clock, long bodyLimit) {
        this.target = target;
        this.fetcher = fetcher;
        this.series = series;
        this.pipeline = pipeline;
        this.workers = workers;
        this.clock = clock;
        this.bodyLimit = bodyLimit;
    }

    ScrapeTarget target() {
        return target;
    }

    TargetHealth health() {
        return health;
    }

    void start(ScheduledExecutorService scheduler) {
        long interval = target.interval().toMillis();
        long offset = Math.floorMod(target.identity().hashCode(), interval);
        schedule = scheduler.scheduleAtFixedRate(this::scrape, offset, interval, TimeUnit.MILLISECONDS);
    }

    /** Stops scraping and ends the target's series, as Prometheus does when a target disappears. */
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        workers.execute(() -> {
            synchronized (series) {
                submit(series.ended(clock.millis()));
            }
        });
    }

    void scrape() {
        if (!scraping.compareAndSet(false, true)) {
            return;
        }
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        fetcher.fetch(target, bodyLimit)
                .orTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((exposition, failure) -> {
                    double seconds = (System.nanoTime() - startNanos) / 1e9;
                    synchronized (series) {
                        if (failure != null) {
                            return down(start, seconds, reason(failure));
                        }
                        try {
                            var scrape = series.scraped(exposition.body(), exposition.format(), start.toEpochMilli(), seconds);
                            health = new TargetHealth(State.UP, start, Duration.ofNanos((long) (seconds * 1e9)), "",
                                    scrape.samplesScraped());
                            return submit(scrape.batch());
                        } catch (ExpositionParseException e) {
                            return down(start, seconds, e.getMessage());
                        } catch (RuntimeException e) {
                            return down(start, seconds, TargetSeries.reason(e));
                        }
                    }
                }, workers)
                .thenCompose(stored -> stored)
                .whenComplete((stored, failure) -> {
                    scraping.set(false);
                    if (failure != null) {
                        log.warn("Scrape of {} could not be recorded: {}", target.url(), failure.toString());
                    }
                });
    }

    private CompletableFuture<Void> down(Instant start, double seconds, String reason) {
        health = new TargetHealth(State.DOWN, start, Duration.ofNanos((long) (seconds * 1e9)), reason, 0);
        return submit(series.failed(start.toEpochMilli(), seconds));
    }

    private CompletableFuture<Void> submit(TelemetryBatch batch) {
        return pipeline.submit(batch).exceptionally(failure -> {
            TargetHealth now = health;
            health = new TargetHealth(now.state(), now.lastScrape(), now.lastDuration(),
                    "scraped but not stored: " + rootCause(failure).getMessage(), now.samples());
            return null;
        });
    }

    private String reason(Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof TimeoutException) {
            return "scrape timed out after " + target.timeout().toMillis() / 1000.0 + " s";
        }
        if (cause instanceof ScrapeFetcher.ScrapeFailure) {
            return cause.getMessage();
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
