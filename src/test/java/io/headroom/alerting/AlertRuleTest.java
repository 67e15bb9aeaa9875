package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AlertRuleTest {

    private static final RuleCondition P99 = new RuleCondition.Threshold("cart|checkout", AlertKpi.P99, Comparison.ABOVE, 300,
            Duration.ofMinutes(5));

    @Test
    void alertsCarryTheRulesLabelsItsNameAndTheService() {
        var rule = new AlertRule(null, "HighP99", P99, AlertTiming.IMMEDIATE, Map.of("severity", "warning"),
                Map.of("summary", "{{ $labels.service }} at {{ $value }} ms", "runbook_url", "/runbooks/high-latency?service={{ $labels.service }}"),
                true);
        Map<String, String> labels = rule.alertLabels("cart");
        assertThat(labels).containsExactlyInAnyOrderEntriesOf(Map.of("alertname", "HighP99", "service", "cart", "severity", "warning"));
        assertThat(rule.renderAnnotations(labels, 412.5)).containsEntry("summary", "cart at 412.5 ms")
                .containsEntry("runbook_url", "/runbooks/high-latency?service=cart");
        assertThat(P99.covers("cart")).isTrue();
        assertThat(P99.covers("cart-v2")).as("the pattern matches whole names").isFalse();
    }

    @Test
    void refusesRunbookLinksThatAreNotHttpOrHeadroomPaths() {
        for (String url : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example/x",
                "https://user@evil.example/", "ftp://files.example/"}) {
            assertThatThrownBy(() -> new AlertRule(null, "R", P99, null, null, Map.of("runbook_url", url), true))
                    .as(url).hasMessageContaining("runbook_url must be an http or https URL");
        }
        assertThat(AlertRule.isLink("https://wiki.example/runbooks/cart")).isTrue();
    }

    @Test
    void explainsWhatIsWrongWithARule() {
        assertThatThrownBy(() -> new AlertRule(null, "high p99", P99, null, null, null, true)).hasMessageContaining("name must be");
        assertThatThrownBy(() -> new AlertRule(null, "R", P99, null, Map.of("service", "x"), null, true))
                .hasMessageContaining("set by Headroom");
        assertThatThrownBy(() -> new RuleCondition.Threshold("cart(", AlertKpi.P99, Comparison.ABOVE, 1, Duration.ofMinutes(1)))
                .hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> new RuleCondition.Threshold(".*", AlertKpi.P99, Comparison.ABOVE, 1, Duration.ofSeconds(10)))
                .hasMessageContaining("window must be between 1m and 1d");
        assertThatThrownBy(() -> AlertKpi.of("latency")).hasMessageContaining("throughput, error_rate, p50");
        assertThatThrownBy(() -> Comparison.of("=")).hasMessageContaining(">, >=, <, <=");
    }

    @Test
    void namesBurnRateRulesAfterTheService() {
        assertThat(AlertRules.identifier("checkout-api")).isEqualTo("CheckoutApi");
        assertThat(AlertRules.identifier("3d.render")).isEqualTo("Service3dRender");
    }
}
