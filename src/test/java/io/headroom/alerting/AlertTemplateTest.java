package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.headroom.alerting.AlertTemplate.Escaping;
import org.junit.jupiter.api.Test;

class AlertTemplateTest {

    private static final Map<String, String> LABELS = Map.of("service", "cart", "alertname", "HighP99");

    @Test
    void substitutesLabelsAndTheValue() {
        assertThat(AlertTemplate.parse("{{ $labels.service }} p99 is {{$value}} ms").render(LABELS, 512.0, Escaping.TEXT))
                .isEqualTo("cart p99 is 512 ms");
        assertThat(AlertTemplate.parse("{{ $value | humanize }} req/s, {{ $value|humanizePercentage }}")
                .render(LABELS, 0.0123, Escaping.TEXT)).isEqualTo("12.3m req/s, 1.23%");
        assertThat(AlertTemplate.parse("{{ $value | humanize }}").render(LABELS, 1234567.0, Escaping.TEXT)).isEqualTo("1.235M");
        assertThat(AlertTemplate.parse("{{ $labels.missing }}|{{ $value }}").render(LABELS, null, Escaping.TEXT)).isEqualTo("|no value");
    }

    @Test
    void aValueInAUrlIsPercentEncodedSoItCannotChangeTheLink() {
        var labels = Map.of("service", "a/../../admin?x=1#y z");
        assertThat(AlertTemplate.parse("https://wiki.example/runbooks/{{ $labels.service }}").render(labels, null, Escaping.URL))
                .isEqualTo("https://wiki.example/runbooks/a%2F..%2F..%2Fadmin%3Fx%3D1%23y%20z");
        assertThat(AlertTemplate.parse("{{ $labels.service }}").render(Map.of("service", "<b>&"), null, Escaping.TEXT))
                .as("text stays text; its output escapes it").isEqualTo("<b>&");
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> AlertTemplate.parse("{{ .Labels.service }}")).hasMessageContaining("cannot read '{{ .Labels.service }}'");
        assertThatThrownBy(() -> AlertTemplate.parse("{{ $value | printf \"%.2f\" }}")).hasMessageContaining("humanize");
        assertThatThrownBy(() -> AlertTemplate.parse("p99 {{ $value")).hasMessageContaining("without its closing");
    }
}
