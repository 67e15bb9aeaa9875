package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LabelMatcherTest {

    private static final Map<String, String> LABELS = Map.of("alertname", "HighP99", "service", "cart", "severity", "critical");

    @Test
    void matchesAsAlertmanagerDoes() {
        assertThat(LabelMatcher.parse("severity=\"critical\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse("service=~\"cart|checkout\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse("service=~\"car\"").matches(LABELS)).as("anchored").isFalse();
        assertThat(LabelMatcher.parse("team!=\"db\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse("team=\"\"").matches(LABELS)).as("absent is empty").isTrue();
        assertThat(LabelMatcher.parse("severity!~\"warn.*\"").matches(LABELS)).isTrue();
        assertThat(LabelMatcher.parse(" service = cart ").matches(LABELS)).as("unquoted value").isTrue();
    }

    @Test
    void roundTripsThroughItsText() {
        LabelMatcher quoted = LabelMatcher.parse("summary=\"say \\\"hi\\\"\"");
        assertThat(quoted.value()).isEqualTo("say \"hi\"");
        assertThat(LabelMatcher.parse(quoted.toString())).isEqualTo(quoted);
    }

    @Test
    void explainsWhatItCannotRead() {
        assertThatThrownBy(() -> LabelMatcher.parse("severity")).hasMessageContaining("matcher must be like");
        assertThatThrownBy(() -> LabelMatcher.parse("service=~\"(\"")).hasMessageContaining("not a valid regular expression");
    }

    @Test
    void readsASelectorWithCommasInsideValues() {
        assertThat(LabelMatcher.parseList("{service=\"cart\", path=~\"a,b|c\\\",d\" , severity!=\"info\"}")).containsExactly(
                new LabelMatcher("service", LabelMatcher.Operator.EQUAL, "cart"),
                new LabelMatcher("path", LabelMatcher.Operator.MATCHES, "a,b|c\",d"),
                new LabelMatcher("severity", LabelMatcher.Operator.NOT_EQUAL, "info"));
        assertThat(LabelMatcher.parseList("service=cart")).containsExactly(new LabelMatcher("service", LabelMatcher.Operator.EQUAL, "cart"));
        assertThat(LabelMatcher.parseList("  ")).isEmpty();
        assertThatThrownBy(() -> LabelMatcher.parseList("service=\"cart\", 9x=\"y\"")).hasMessageContaining("9x");
    }
}
