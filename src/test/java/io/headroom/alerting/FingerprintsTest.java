package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The values of prometheus/common's model/signature_test.go, so alerts from an Alertmanager match ours. */
class FingerprintsTest {

    @Test
    void matchesPrometheusForAnEmptyAndAKnownLabelSet() {
        assertThat(Long.parseUnsignedLong(Fingerprints.of(Map.of()), 16)).isEqualTo(Long.parseUnsignedLong("14695981039346656037"));
        assertThat(Fingerprints.of(Map.of("name", "garland, briggs", "fear", "love is not enough")))
                .isEqualTo(Long.toHexString(Long.parseUnsignedLong("5799056148416392346")));
    }

    @Test
    void dependsOnEveryLabelButNotOnTheirOrder() {
        var labels = new java.util.LinkedHashMap<String, String>();
        labels.put("service", "cart");
        labels.put("alertname", "HighP99");
        assertThat(Fingerprints.of(labels)).isEqualTo(Fingerprints.of(Map.of("alertname", "HighP99", "service", "cart")))
                .isNotEqualTo(Fingerprints.of(Map.of("alertname", "HighP99", "service", "carts")))
                .hasSize(16);
    }
}
