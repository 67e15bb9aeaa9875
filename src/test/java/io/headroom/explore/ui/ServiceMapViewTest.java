package io.headroom.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.headroom.explore.ServiceMap;
import org.junit.jupiter.api.Test;

class ServiceMapViewTest {

    @Test
    void namesFromTelemetryAreDrawnAsTextNeverAsMarkup() {
        String hostile = "<script>alert('x')</script>&";
        var map = new ServiceMap(Instant.EPOCH, Instant.EPOCH, List.of(
                new ServiceMap.Node(hostile, 1.5, 0.01, 12.0, "PAGE", 0, 110, 55),
                new ServiceMap.Node("b", 1, 0, null, null, 1, 370, 55)),
                List.of(new ServiceMap.Edge(hostile, "b", 90, 1.5, 0.02, 40.0)), 480, 110);
        String svg = ServiceMapView.svg(map);
        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
        assertThat(svg).contains("href='services/%3Cscript%3Ealert%28%27x%27%29%3C%2Fscript%3E%26'");
        assertThat(svg).contains("1.5 req/s · 2.0 % · p99 40.0 ms");
    }
}
