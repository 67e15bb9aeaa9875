package io.headroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    @Test
    void eachFailurePastTheFreeOnesDoublesTheLockUpToFifteenMinutes() {
        assertThat(SignInThrottle.lock(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.lock(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SignInThrottle.lock(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(SignInThrottle.lock(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.lock(40)).isEqualTo(Duration.ofMinutes(15));
    }
}
