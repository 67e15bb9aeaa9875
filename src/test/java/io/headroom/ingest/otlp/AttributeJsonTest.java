package io.headroom.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttributeJsonTest {

    @Test
    void doublesStayFloatingPointThroughJsonb() {
        assertThat(write(12.5)).isEqualTo("12.5");
        assertThat(write(3.0)).isEqualTo("3.0");
        assertThat(write(1.0E-5)).isEqualTo("1.0E-5");
        assertThat(write(1.0E7)).as("not 1.0E7, which jsonb keeps as an integer").isEqualTo("10000000.0");
        assertThat(write(-123456789.0)).isEqualTo("-123456789.0");
        assertThat(write(1.5E7)).isEqualTo("15000000.0");
        assertThat(write(Double.NaN)).isEqualTo("\"NaN\"");
        assertThat(write(Double.NEGATIVE_INFINITY)).isEqualTo("\"-Inf\"");
    }

    private static String write(double value) {
        var json = new StringBuilder();
        AttributeJson.writeDouble(json, value);
        return json.toString();
    }
}
