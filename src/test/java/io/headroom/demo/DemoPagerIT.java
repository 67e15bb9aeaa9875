package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.headroom.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo pager over HTTP: this machine posts pages without credentials (as the demo channel
 * does), reading them needs a user; bodies that are not Alertmanager's payload get a 400 saying
 * why. The channel that delivers to it exists from the start.
 */
@DemoFleetTest
class DemoPagerIT {

    @LocalServerPort
    int port;

    @Test
    void takesPagesFromThisMachineAndShowsThemToUsers() {
        String tag = Long.toHexString(System.nanoTime());
        var anonymous = JsonApi.anonymous(port);
        JsonApi.Answer paged = anonymous.post("/api/v1/demo/pager", """
                {"version": "4", "status": "firing", "alerts": [{"status": "firing",
                 "labels": {"alertname": "Probe%s", "service": "cart"},
                 "annotations": {"runbook_url": "https://wiki.example/cart"}}]}""".formatted(tag));
        assertThat(paged.status()).isEqualTo(200);
        assertThat(paged.body().get("message").asText()).isEqualTo("paged: Probe" + tag + " firing on cart; runbook https://wiki.example/cart");

        assertThat(anonymous.get("/api/v1/demo/pager").status()).isEqualTo(401);
        var api = new JsonApi(port);
        assertThat(api.get("/api/v1/demo/pager").body().get("pages").findValuesAsText("name")).contains("Probe" + tag);

        JsonApi.Answer junk = anonymous.post("/api/v1/demo/pager", "{\"text\": \"hello\"}");
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.body().get("message").asText()).contains("alerts list");
        assertThat(anonymous.post("/api/v1/demo/pager", "not json").body().get("message").asText()).startsWith("body is not JSON");

        assertThat(api.get("/api/v1/notification-channels").body().get("channels").findValuesAsText("url"))
                .contains("http://127.0.0.1:" + port + "/api/v1/demo/pager");
    }
}
