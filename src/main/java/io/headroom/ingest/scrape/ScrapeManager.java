package io.headroom.ingest.scrape;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.headroom.ingest.IngestPipeline;
import io.headroom.ingest.prometheus.PrometheusSeries;
import io.headroom.ingest.prometheus.ScrapeLimits;
import io.headroom.store.PartitionMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps one {@link ScrapeLoop} running per discovered target: reads every {@link TargetDiscovery}
 * each refresh interval, starts loops for new targets and stops those of targets that are
 * gone. A discovery that fails keeps its previous targets.
 */
@Component
class ScrapeManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScrapeManager.class);

    private final List<TargetDiscovery> discoveries;
    private final ScrapeProperties properties;
    private final PrometheusSeries series;
    private final PartitionMaintenance partitions;
    private final IngestPipeline pipeline;
    private final Clock clock;
    private final ScrapeLimits limits;
    private final Map<String, List<ScrapeTarget>> lastFound = new HashMap<>();
    private final Map<String, ScrapeLoop> loops = new LinkedHashMap<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private ScrapeFetcher fetcher;
    private ScheduledFuture<?> refreshing;
    private volatile boolean running;

    ScrapeManager(List<TargetDiscovery> discoveries, ScrapeProperties properties, PrometheusSeries series,
            PartitionMaintenance partitions, IngestPipeline pipeline, Clock clock) {
        this.discoveries = discoveries;
        this.properties = properties;
        this.series = series;
        this.partitions = partitions;
        this.pipeline = pipeline;
        this.clock = clock;
        this.limits = new ScrapeLimits(properties.sampleLimit(), properties.labelLimit(),
                properties.labelNameLengthLimit(), properties.labelValueLengthLimit());
    }

    @Override
    public synchronized void start() {
        if (!properties.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(threads("scrape-scheduler"));
        workers = Executors.newFixedThreadPool(properties.threads(), threads("scrape-worker"));
        fetcher = new ScrapeFetcher(workers);
        refreshing = scheduler.scheduleWithFixedDelay(this::refresh, 0, properties.refreshInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Reads discovery now rather than at the next refresh; for targets just added. */
    void refreshSoon() {
        if (running) {
            scheduler.execute(this::refresh);
        }
    }

    synchronized List<ScrapeLoop> loops() {
        return new ArrayList<>(loops.values());
    }

    private synchronized void refresh() {
        if (!running) {
            return;
        }
        var wanted = new LinkedHashMap<String, ScrapeTarget>();
        for (TargetDiscovery discovery : discoveries) {
            List<ScrapeTarget> found;
            try {
                found = discovery.targets();
                lastFound.put(discovery.name(), found);
            } catch (IOException | RuntimeException e) {
                log.warn("Scrape target discovery {} failed, keeping its last targets: {}", discovery.name(), e.toString());
                found = lastFound.getOrDefault(discovery.name(), List.of());
            }
            found.forEach(target -> wanted.putIfAbsent(target.identity(), target));
        }
        loops.entrySet().removeIf(entry -> {
            if (wanted.containsKey(entry.getKey())) {
                return false;
            }
            entry.getValue().stop();
            return true;
        });
        wanted.forEach((identity, target) -> loops.computeIfAbsent(identity, key -> {
            var loop = new ScrapeLoop(target, fetcher, new TargetSeries(target, series, partitions, limits), pipeline,
                    workers, clock, properties.bodySizeLimit().toBytes());
            loop.start(scheduler);
            return loop;
        }));
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        refreshing.cancel(false);
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loops.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the ingest pipeline (which drains last) so the final scrapes can still be stored. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private static ThreadFactory threads(String name) {
        var count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
