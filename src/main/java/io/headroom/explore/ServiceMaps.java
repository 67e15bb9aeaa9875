package io.headroom.explore;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSummary;
import io.headroom.kpi.SloStatus;
import io.headroom.kpi.Slos;
import io.headroom.store.ServiceEdgeRollups;
import org.springframework.stereotype.Service;

/**
 * The service map: the call edges from the per-minute edge rollup (never a scan of the window's
 * spans), each service's throughput, error rate and SLO health from the KPIs, and a layered
 * layout: columns by the longest chain of callers (a call that closes a cycle is drawn but does
 * not move its callee), rows ordered by where their callers sit.
 */
@Service
public class ServiceMaps {

    static final int COLUMN_WIDTH = 340;
    static final int ROW_HEIGHT = 90;
    static final int MARGIN = 110;

    private final ServiceEdgeRollups edges;
    private final ServiceKpis kpis;
    private final Slos slos;

    ServiceMaps(ServiceEdgeRollups edges, ServiceKpis kpis, Slos slos) {
        this.edges = edges;
        this.kpis = kpis;
        this.slos = slos;
    }

    /** Over the whole minutes of [from, to). */
    public ServiceMap map(Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        Instant end = to.truncatedTo(ChronoUnit.MINUTES);
        // Rates cover the minutes rolled up so far (the last couple are still settling) since the edge's
        // first call in the range, as a service's throughput counts from its first request.
        Instant doneUntil = edges.doneUntil();
        Instant counted = doneUntil == null || doneUntil.isAfter(end) ? end : doneUntil;
        var mapEdges = new ArrayList<ServiceMap.Edge>();
        for (ServiceEdgeRollups.Edge edge : edges.edges(start, end)) {
            double seconds = Math.max(60, Duration.between(edge.firstMinute().isAfter(start) ? edge.firstMinute() : start, counted).toSeconds());
            mapEdges.add(new ServiceMap.Edge(edge.caller(), edge.callee(), edge.calls(), edge.calls() / seconds,
                    edge.calls() == 0 ? 0 : edge.errors() / (double) edge.calls(),
                    edge.latency().isEmpty() ? null : edge.latency().quantileNanos(0.99) / 1e6));
        }
        Map<String, ServiceSummary> summaries = new HashMap<>();
        kpis.summaries(from, to).stream().filter(summary -> summary.requests() > 0).forEach(summary -> summaries.put(summary.service(), summary));
        Map<String, SloStatus> health = slos.statuses();
        Set<String> services = new TreeSet<>(summaries.keySet());
        mapEdges.forEach(edge -> {
            services.add(edge.caller());
            services.add(edge.callee());
        });
        Map<String, Integer> columns = columns(services, mapEdges);
        Map<String, Integer> rows = rows(services, mapEdges, columns);
        var nodes = new ArrayList<ServiceMap.Node>();
        for (String service : services) {
            ServiceSummary summary = summaries.get(service);
            SloStatus status = health.get(service);
            int column = columns.get(service);
            nodes.add(new ServiceMap.Node(service, summary == null ? 0 : summary.throughput(), summary == null ? 0 : summary.errorRate(),
                    summary == null ? null : summary.p99Ms(), status == null ? null : status.alert().name(), column,
                    MARGIN + column * COLUMN_WIDTH, MARGIN / 2 + rows.get(service) * ROW_HEIGHT));
        }
        int width = 2 * MARGIN + columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) * COLUMN_WIDTH;
        int height = MARGIN + rows.values().stream().mapToInt(Integer::intValue).max().orElse(0) * ROW_HEIGHT;
        return new ServiceMap(start, end, List.copyOf(nodes), List.copyOf(mapEdges), width, height);
    }

    /** Each service's column: one more than its furthest caller's, cycles cut where a depth-first walk meets them. */
    static Map<String, Integer> columns(Set<String> services, List<ServiceMap.Edge> edges) {
        Map<String, List<String>> callees = new TreeMap<>();
        edges.forEach(edge -> callees.computeIfAbsent(edge.caller(), key -> new ArrayList<>()).add(edge.callee()));
        // Edges that close a cycle are dropped, so the rest is a DAG.
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Map<String, List<String>> acyclic = new HashMap<>();
        for (String service : services) {
            dropCycles(service, callees, acyclic, done, onPath);
        }
        Map<String, Integer> column = new HashMap<>();
        services.forEach(service -> column.put(service, 0));
        // Longest path by relaxing in a topological order.
        for (String service : topological(services, acyclic)) {
            for (String callee : acyclic.getOrDefault(service, List.of())) {
                column.merge(callee, column.get(service) + 1, Math::max);
            }
        }
        return column;
    }

    private static void dropCycles(String service, Map<String, List<String>> callees, Map<String, List<String>> acyclic, Set<String> done,
            Set<String> onPath) {
        if (done.contains(service)) {
            return;
        }
        onPath.add(service);
        for (String callee : callees.getOrDefault(service, List.of())) {
            if (onPath.contains(callee)) {
                continue;
            }
            acyclic.computeIfAbsent(service, key -> new ArrayList<>()).add(callee);
            dropCycles(callee, callees, acyclic, done, onPath);
        }
        onPath.remove(service);
        done.add(service);
    }

    private static List<String> topological(Set<String> services, Map<String, List<String>> acyclic) {
        Map<String, Integer> incoming = new HashMap<>();
        services.forEach(service -> incoming.put(service, 0));
        acyclic.values().forEach(callees -> callees.forEach(callee -> incoming.merge(callee, 1, Integer::sum)));
        var ready = new TreeSet<String>();
        incoming.forEach((service, count) -> {
            if (count == 0) {
                ready.add(service);
            }
        });
        var order = new ArrayList<String>();
        while (!ready.isEmpty()) {
            String service = ready.pollFirst();
            order.add(service);
            for (String callee : acyclic.getOrDefault(service, List.of())) {
                if (incoming.merge(callee, -1, Integer::sum) == 0) {
                    ready.add(callee);
                }
            }
        }
        return order;
    }

    /** Rows within each column: by the mean row of a service's callers (fewer crossings), then by name. */
    private static Map<String, Integer> rows(Set<String> services, List<ServiceMap.Edge> edges, Map<String, Integer> columns) {
        Map<Integer, List<String>> byColumn = new TreeMap<>();
        services.forEach(service -> byColumn.computeIfAbsent(columns.get(service), key -> new ArrayList<>()).add(service));
        Map<String, Integer> rows = new HashMap<>();
        for (List<String> column : byColumn.values()) {
            Map<String, Double> weight = new HashMap<>();
            for (String service : column) {
                double sum = 0;
                int callers = 0;
                for (ServiceMap.Edge edge : edges) {
                    Integer callerRow = rows.get(edge.caller());
                    if (edge.callee().equals(service) && callerRow != null) {
                        sum += callerRow;
                        callers++;
                    }
                }
                weight.put(service, callers == 0 ? Double.MAX_VALUE : sum / callers);
            }
            column.sort(Comparator.comparingDouble((String service) -> weight.get(service)).thenComparing(Comparator.naturalOrder()));
            for (int i = 0; i < column.size(); i++) {
                rows.put(column.get(i), i);
            }
        }
        return rows;
    }
}
