package io.headroom.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestAuthorizationTest {

    @Test
    void openIngestionIsRefusedBeyondLoopbackUnlessForced() {
        assertThatCode(() -> new IngestAuthorization("none", "127.0.0.1", false)).doesNotThrowAnyException();
        assertThatCode(() -> new IngestAuthorization("none", "::1", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new IngestAuthorization("none", "0.0.0.0", false)).hasMessageContaining("HEADROOM_INGEST_AUTH=token");
        assertThatThrownBy(() -> new IngestAuthorization("none", "", false)).hasMessageContaining("every address");
        assertThatThrownBy(() -> new IngestAuthorization("none", "10.1.2.3", false)).isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> new IngestAuthorization("none", "0.0.0.0", true)).doesNotThrowAnyException();
        assertThatCode(() -> new IngestAuthorization("token", "0.0.0.0", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new IngestAuthorization("maybe", "127.0.0.1", false)).hasMessageContaining("none or token");
    }
}
