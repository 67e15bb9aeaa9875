package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InhibitRuleTest {

    private static final InhibitRule CRITICAL_HOLDS_WARNINGS = new InhibitRule(1, List.of(LabelMatcher.parse("severity=\"critical\"")),
            List.of(LabelMatcher.parse("severity=\"warning\"")), List.of("service"));

    @Test
    void aCriticalAlertHoldsBackWarningsOfTheSameServiceOnly() {
        Map<String, String> cartDown = Map.of("alertname", "InstanceDown", "service", "cart", "severity", "critical");
        Map<String, String> cartSlow = Map.of("alertname", "HighP99", "service", "cart", "severity", "warning");
        Map<String, String> searchSlow = Map.of("alertname", "HighP99", "service", "search", "severity", "warning");
        assertThat(CRITICAL_HOLDS_WARNINGS.inhibits(cartDown, cartSlow)).isTrue();
        assertThat(CRITICAL_HOLDS_WARNINGS.inhibits(cartDown, searchSlow)).as("equal labels differ").isFalse();
        assertThat(CRITICAL_HOLDS_WARNINGS.inhibits(cartSlow, cartDown)).as("the other way round").isFalse();
    }

    @Test
    void absentEqualLabelsAreEqualAsInAlertmanager() {
        assertThat(CRITICAL_HOLDS_WARNINGS.inhibits(Map.of("severity", "critical"), Map.of("severity", "warning"))).isTrue();
    }

    @Test
    void alertsMatchingBothSidesDoNotInhibitEachOther() {
        var rule = new InhibitRule(2, List.of(LabelMatcher.parse("team=\"payments\"")), List.of(LabelMatcher.parse("team=\"payments\"")),
                List.of());
        Map<String, String> a = Map.of("alertname", "A", "team", "payments");
        Map<String, String> b = Map.of("alertname", "B", "team", "payments");
        assertThat(rule.inhibits(a, b)).isFalse();
        assertThat(rule.inhibits(a, a)).isFalse();
    }

    @Test
    void needsMatchersOnBothSidesAndLabelNamesInEqual() {
        assertThatThrownBy(() -> new InhibitRule(0, List.of(), List.of(LabelMatcher.parse("a=\"b\"")), List.of()))
                .hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> new InhibitRule(0, List.of(LabelMatcher.parse("a=\"b\"")), List.of(LabelMatcher.parse("a=\"c\"")),
                List.of("not a label"))).hasMessageContaining("'not a label' is not one");
    }
}
