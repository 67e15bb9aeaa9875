package io.headroom.explore.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JaegerIdsTest {

    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
            "1, 00000000000000000000000000000001",
            "abc, 00000000000000000000000000000abc",
            "00000000000000ff, 000000000000000000000000000000ff",
            "FFFFFFFFFFFFFFFF, 0000000000000000ffffffffffffffff",
            "1ffffffffffffffff, 0000000000000001ffffffffffffffff",
            "4bf92f3577b34da6a3ce929d0e0e4736, 4bf92f3577b34da6a3ce929d0e0e4736",
            "00000000000000000000000000000007, 00000000000000000000000000000007",
    })
    void readsOneTo32HexCharactersAsJaegerDoes(String text, String stored) {
        assertThat(HEX.formatHex(JaegerIds.parseTraceId(text))).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xyz", "12g4", "0x1f", "+1f", "-1", " 1f", "1f ", "4bf92f3577b34da6a3ce929d0e0e47361"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> JaegerIds.parseTraceId(text)).isInstanceOf(BadParameter.class)
                .hasMessage("trace id must be 1 to 32 hexadecimal characters, was '" + text + "'");
    }

    @Test
    void printsSixteenCharactersWhenTheHighHalfIsZero() {
        assertThat(JaegerIds.traceId(HEX.parseHex("000000000000000000000000000000ff"))).isEqualTo("00000000000000ff");
        assertThat(JaegerIds.traceId(HEX.parseHex("0000000000000001ffffffffffffffff"))).isEqualTo("0000000000000001ffffffffffffffff");
        assertThat(JaegerIds.traceId(HEX.parseHex("4bf92f3577b34da6a3ce929d0e0e4736"))).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(JaegerIds.spanId(HEX.parseHex("00f067aa0ba902b7"))).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void printedIdsReadBackToTheSameBytes() {
        for (String stored : new String[] {"000000000000000000000000000000ff", "4bf92f3577b34da6a3ce929d0e0e4736"}) {
            assertThat(HEX.formatHex(JaegerIds.parseTraceId(JaegerIds.traceId(HEX.parseHex(stored))))).isEqualTo(stored);
        }
    }
}
