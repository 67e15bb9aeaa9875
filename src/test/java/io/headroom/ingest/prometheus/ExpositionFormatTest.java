package io.headroom.ingest.prometheus;

import static io.headroom.ingest.prometheus.ExpositionFormat.OPENMETRICS_1_0_0;
import static io.headroom.ingest.prometheus.ExpositionFormat.PROMETHEUS_TEXT_0_0_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "application/openmetrics-text; version=1.0.0; charset=utf-8 | OPENMETRICS_1_0_0",
        "application/openmetrics-text;version=0.0.1                 | OPENMETRICS_1_0_0",
        "Application/OpenMetrics-Text                               | OPENMETRICS_1_0_0",
        "text/plain; version=0.0.4; charset=utf-8                   | PROMETHEUS_TEXT_0_0_4",
        "text/plain                                                 | PROMETHEUS_TEXT_0_0_4",
        "application/json                                           | PROMETHEUS_TEXT_0_0_4",
        "''                                                         | PROMETHEUS_TEXT_0_0_4",
        "null                                                       | PROMETHEUS_TEXT_0_0_4"})
    void choosesTheFormatFromTheContentType(String contentType, ExpositionFormat format) {
        assertThat(ExpositionFormat.fromContentType(contentType)).isEqualTo(format);
    }

    @Test
    void asksForOpenMetricsFirstAsPrometheusDoes() {
        assertThat(ExpositionFormat.SCRAPE_ACCEPT).isEqualTo("application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    }

    @Test
    void parsesOnlyTheGivenLengthAndRefusesALengthOutsideTheBody() throws Exception {
        byte[] body = "a 1\nb{".getBytes(StandardCharsets.UTF_8);
        RecordingSink sink = new RecordingSink();

        ExpositionParser.parse(body, 4, PROMETHEUS_TEXT_0_0_4, ScrapeLimits.DEFAULT, sink);

        assertThat(sink.samples).hasSize(1);
        assertThatThrownBy(() -> ExpositionParser.parse(body, 7, OPENMETRICS_1_0_0, ScrapeLimits.DEFAULT, sink))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
