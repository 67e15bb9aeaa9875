package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoRulesTest {

    @Test
    void eachDemoRuleLinksToADefaultRunbookForItsService() throws IOException {
        String defaults = Files.readString(Path.of("db/migration/V22__default_runbooks.sql"));
        assertThat(DemoRules.RULES).extracting(AlertRule::name).containsExactly("HighP99Latency", "HighErrorRate", "InstancesDown");
        for (AlertRule rule : DemoRules.RULES) {
            String url = rule.renderAnnotations(rule.alertLabels("cart"), 1.0).get(AlertRule.RUNBOOK_URL);
            assertThat(url).startsWith("/runbooks/").endsWith("?service=cart");
            String slug = url.substring("/runbooks/".length(), url.indexOf('?'));
            assertThat(defaults).as(rule.name()).contains("('" + slug + "', ");
        }
        assertThat(DemoRules.RULES.get(0).renderAnnotations(Map.of("service", "cart", "alertname", "HighP99Latency"), 512.3)
                .get("summary")).isEqualTo("cart p99 latency is 512.3 ms");
    }
}
