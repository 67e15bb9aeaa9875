package io.headroom.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AttributeFilterTest {

    @Test
    void pairsAreSeparatedBySpacesAndQuotedValuesKeepTheirs() {
        assertThat(AttributeFilter.parse("http.route=/cart  http.status_code=500 user.name=\"Ada \\\"the\\\" Lovelace\" empty="))
                .containsExactly(Map.entry("http.route", "/cart"), Map.entry("http.status_code", "500"),
                        Map.entry("user.name", "Ada \"the\" Lovelace"), Map.entry("empty", ""));
        assertThat(AttributeFilter.parse("  ")).isEmpty();
        assertThat(AttributeFilter.parse("q=a=b")).containsExactly(Map.entry("q", "a=b"));
    }

    @Test
    void whatIsNotAPairIsExplained() {
        assertThatThrownBy(() -> AttributeFilter.parse("novalue")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> AttributeFilter.parse("=x")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> AttributeFilter.parse("a=\"open")).hasMessageContaining("opens a quote");
        assertThatThrownBy(() -> AttributeFilter.parse("a=1 a=2")).hasMessageContaining("given twice");
    }
}
