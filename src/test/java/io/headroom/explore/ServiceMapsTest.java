package io.headroom.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ServiceMapsTest {

    private static ServiceMap.Edge edge(String caller, String callee) {
        return new ServiceMap.Edge(caller, callee, 1, 1, 0, null);
    }

    @Test
    void eachCalleeSitsRightOfItsFurthestCaller() {
        // gateway calls auth and checkout; checkout calls auth too, so auth goes right of checkout.
        List<ServiceMap.Edge> edges = List.of(edge("gateway", "auth"), edge("gateway", "checkout"), edge("checkout", "auth"),
                edge("checkout", "payments"));
        Map<String, Integer> columns = ServiceMaps.columns(new TreeSet<>(List.of("auth", "checkout", "gateway", "payments", "idle")), edges);
        assertThat(columns).containsEntry("gateway", 0).containsEntry("checkout", 1).containsEntry("auth", 2)
                .containsEntry("payments", 2).containsEntry("idle", 0);
    }

    @Test
    void aCycleIsCutInsteadOfLoopingForever() {
        List<ServiceMap.Edge> edges = List.of(edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "c"));
        Map<String, Integer> columns = ServiceMaps.columns(new TreeSet<>(List.of("a", "b", "c")), edges);
        assertThat(columns).containsEntry("a", 0).containsEntry("b", 1).containsEntry("c", 2);
    }
}
