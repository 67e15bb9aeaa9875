package io.headroom.scaling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A service's measured throughput-per-instance curve: what p99, worker utilisation and queue per
 * instance were at each load per instance it has run at, as medians of up to {@link #MAX_BINS}
 * bins of equally many minutes, read between bins by linear interpolation. Below the lightest
 * bin, utilisation and queue fall in proportion to zero (they are load times service time) while
 * p99 stays at the lightest bin's (it does not fall below the work itself). Beyond the heaviest
 * bin nothing was measured: the heaviest bin's values are given and {@link #beyondMeasured} says
 * so, as queueing makes latency rise steeply there and guessing how would be invented data.
 */
public final class CapacityCurve {

    static final int MAX_BINS = 12;
    static final int MIN_MINUTES_PER_BIN = 5;

    /** One bin's medians. @param load req/s per instance */
    public record Point(double load, Double p99Ms, Double utilisation, Double queuePerInstance, int minutes) {
    }

    /** One measured minute. */
    public record Minute(double load, Double p99Ms, Double utilisation, Double queuePerInstance) {
    }

    private final List<Point> points;

    private CapacityCurve(List<Point> points) {
        this.points = List.copyOf(points);
    }

    /** The curve of these minutes (those with requests and instances); empty with fewer than {@link #MIN_MINUTES_PER_BIN}. */
    public static CapacityCurve of(List<Minute> minutes) {
        var sorted = new ArrayList<>(minutes);
        sorted.sort(Comparator.comparingDouble(Minute::load));
        int bins = Math.min(MAX_BINS, sorted.size() / MIN_MINUTES_PER_BIN);
        var points = new ArrayList<Point>();
        for (int b = 0; b < bins; b++) {
            List<Minute> bin = sorted.subList(b * sorted.size() / bins, (b + 1) * sorted.size() / bins);
            points.add(new Point(median(bin.stream().map(Minute::load).toList()), median(bin.stream().map(Minute::p99Ms).toList()),
                    median(bin.stream().map(Minute::utilisation).toList()), median(bin.stream().map(Minute::queuePerInstance).toList()),
                    bin.size()));
        }
        return new CapacityCurve(points);
    }

    public List<Point> points() {
        return points;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The heaviest load per instance measured (the last bin's median), 0 when empty. */
    public double maxMeasuredLoad() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).load();
    }

    public boolean beyondMeasured(double load) {
        return !points.isEmpty() && load > maxMeasuredLoad();
    }

    /** Likely p99 at this load per instance; null when nothing was measured. */
    public Double p99Ms(double load) {
        return read(load, Point::p99Ms, false);
    }

    public Double utilisation(double load) {
        return read(load, Point::utilisation, true);
    }

    public Double queuePerInstance(double load) {
        return read(load, Point::queuePerInstance, true);
    }

    private Double read(double load, java.util.function.Function<Point, Double> value, boolean proportionalBelow) {
        var known = points.stream().filter(p -> value.apply(p) != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        Point first = known.get(0);
        if (load <= first.load()) {
            return proportionalBelow && first.load() > 0 ? value.apply(first) * Math.max(0, load) / first.load() : value.apply(first);
        }
        for (int i = 1; i < known.size(); i++) {
            Point below = known.get(i - 1);
            Point above = known.get(i);
            if (load <= above.load()) {
                double share = above.load() == below.load() ? 1 : (load - below.load()) / (above.load() - below.load());
                return value.apply(below) + share * (value.apply(above) - value.apply(below));
            }
        }
        return value.apply(known.get(known.size() - 1));
    }

    private static Double median(List<Double> values) {
        double[] present = values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
        if (present.length == 0) {
            return null;
        }
        Arrays.sort(present);
        int middle = present.length / 2;
        return present.length % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
    }
}
