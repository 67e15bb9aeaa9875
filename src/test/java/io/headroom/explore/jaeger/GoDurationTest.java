package io.headroom.explore.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "-0, 0",
            "1ns, 1",
            "500us, 500000",
            "500µs, 500000",
            "500μs, 500000",
            "100ms, 100000000",
            "1.2s, 1200000000",
            "1.s, 1000000000",
            ".5s, 500000000",
            "+5s, 5000000000",
            "-1.5h, -5400000000000",
            "2h45m, 9900000000000",
            "1h30m15s100ms, 5415100000000",
            "1.0000000001s, 1000000000",
            "2562047h47m16.854775807s, 9223372036854775807",
    })
    void readsWhatGoReads(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| invalid duration \"\"",
            "-| invalid duration \"-\"",
            "1| missing unit in duration \"1\"",
            "10| missing unit in duration \"10\"",
            "1s5| missing unit in duration \"1s5\"",
            ".| invalid duration \".\"",
            "s| invalid duration \"s\"",
            "1.5.5s| missing unit in duration \"1.5.5s\"",
            "1d| unknown unit \"d\" in duration \"1d\"",
            "3 s| unknown unit \" s\" in duration \"3 s\"",
            "1h-2m| unknown unit \"h-\" in duration \"1h-2m\"",
            "2562047h47m16.854775808s| invalid duration \"2562047h47m16.854775808s\"",
    })
    void refusesWhatGoRefuses(String text, String reason) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(text)).withMessage(reason);
    }

    @ParameterizedTest
    @CsvSource({"2d, PT48H", "1w, PT168H", "1d12h, PT36H", "90m, PT1H30M"})
    void lookbacksAlsoTakeDaysAndWeeks(String text, Duration expected) {
        assertThat(GoDuration.parseWithDays(text)).isEqualTo(expected);
    }
}
