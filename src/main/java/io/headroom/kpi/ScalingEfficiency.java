package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.headroom.store.LatencyHistogram;
import io.headroom.store.ServiceRollupQueries.MinuteRollup;

/**
 * How a service's throughput and p99 changed with its instance count over a range: each count it
 * ran at, against the ideal of linear scaling from the fewest instances, and the count past which
 * adding instances stopped helping (the knee).
 *
 * <p>Only whole minutes the count was steady in are measured (a minute with a scaling action in
 * it belongs to neither count). Throughput is what the traffic offered at that count, so a
 * service that was never saturated shows little gain from more instances: that is the finding,
 * not an error; its p99 says whether the extra instances bought latency instead.
 *
 * @param levels one per instance count seen, fewest first
 * @param knee the count past which adding instances gave neither half the ideal throughput gain
 *     nor a {@link #P99_GAIN} lower p99; null when every step helped or fewer than two counts were seen
 */
public record ScalingEfficiency(String service, Instant from, Instant to, List<Level> levels, Integer knee) {

    /** A step to more instances helped if it gained at least this share of the ideal (linear) throughput gain… */
    public static final double THROUGHPUT_GAIN = 0.5;
    /** …or lowered p99 by at least this share. */
    public static final double P99_GAIN = 0.10;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * @param minutes how many steady minutes ran at this count
     * @param throughput mean requests per second over those minutes
     * @param idealThroughput the fewest instances' throughput per instance times this count
     * @param efficiency throughput over the ideal (1 is linear scaling)
     * @param p99Ms over those minutes' requests (null without requests)
     */
    public record Level(int instances, long minutes, long requests, double throughput, double throughputPerInstance,
            double idealThroughput, Double efficiency, Double p99Ms, Double errorRate) {
    }

    /**
     * @param rollups the service's minute rollups in [from, to) (minutes without requests may be missing)
     * @param from and {@code to} are cut to whole minutes; the minute {@code to} falls in is left out, being partial
     */
    public static ScalingEfficiency of(String service, Instant from, Instant to, List<MinuteRollup> rollups, InstanceTimeline timeline) {
        Map<Instant, MinuteRollup> byMinute = new HashMap<>();
        for (MinuteRollup rollup : rollups) {
            byMinute.put(rollup.minute(), rollup);
        }
        TreeMap<Integer, Accumulator> byCount = new TreeMap<>();
        Instant end = to.truncatedTo(ChronoUnit.MINUTES);
        for (Instant minute = from.truncatedTo(ChronoUnit.MINUTES); minute.isBefore(end); minute = minute.plus(MINUTE)) {
            Integer count = timeline.steadyCount(minute, minute.plus(MINUTE));
            if (count == null || count <= 0) {
                continue;
            }
            byCount.computeIfAbsent(count, c -> new Accumulator()).add(byMinute.get(minute));
        }
        if (byCount.isEmpty()) {
            return new ScalingEfficiency(service, from, to, List.of(), null);
        }
        int fewest = byCount.firstKey();
        double perInstance = byCount.firstEntry().getValue().throughput() / fewest;
        List<Level> levels = new ArrayList<>();
        byCount.forEach((count, accumulated) -> {
            double throughput = accumulated.throughput();
            double ideal = perInstance * count;
            levels.add(new Level(count, accumulated.minutes, accumulated.requests, throughput, throughput / count, ideal,
                    ideal > 0 ? throughput / ideal : null, accumulated.p99Ms(),
                    accumulated.requests == 0 ? null : accumulated.errors / (double) accumulated.requests));
        });
        return new ScalingEfficiency(service, from, to, levels, knee(levels, perInstance));
    }

    private static Integer knee(List<Level> levels, double perInstance) {
        for (int i = 0; i + 1 < levels.size(); i++) {
            Level fewer = levels.get(i);
            Level more = levels.get(i + 1);
            double idealGain = perInstance * (more.instances() - fewer.instances());
            boolean throughputHelped = idealGain > 0 && (more.throughput() - fewer.throughput()) >= THROUGHPUT_GAIN * idealGain;
            boolean latencyHelped = fewer.p99Ms() != null && more.p99Ms() != null
                    && more.p99Ms() <= fewer.p99Ms() * (1 - P99_GAIN);
            if (!throughputHelped && !latencyHelped) {
                return fewer.instances();
            }
        }
        return null;
    }

    private static final class Accumulator {
        long minutes;
        long requests;
        long errors;
        LatencyHistogram latency;

        void add(MinuteRollup rollup) {
            minutes++;
            if (rollup == null) {
                return;
            }
            requests += rollup.requests();
            errors += rollup.errors();
            if (latency == null) {
                latency = rollup.latency();
            } else {
                latency.merge(rollup.latency());
            }
        }

        double throughput() {
            return requests / (minutes * 60.0);
        }

        Double p99Ms() {
            return latency == null || latency.isEmpty() ? null : latency.quantileNanos(0.99) / 1e6;
        }
    }
}
