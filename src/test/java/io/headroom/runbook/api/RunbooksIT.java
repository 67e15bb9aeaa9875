package io.headroom.runbook.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Runbooks over the API: written, found, rendered safely, versioned with who changed what, guarded against lost saves. */
@HeadroomIntegrationTest
class RunbooksIT {

    @LocalServerPort
    int port;

    @Test
    void aRunbookIsRenderedSafelyVersionedAndFound() {
        String tag = Long.toHexString(System.nanoTime());
        var api = new JsonApi(port);
        JsonApi.Answer created = api.post("/api/v1/runbooks", """
                {"title": "Queue backlog %s", "owner": "team-payments",
                 "markdown": "Drain the queue.\\n\\n1. Check consumer lag\\n2. Scale consumers\\n\\n<script>alert(1)</script>"}"""
                .formatted(tag));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode runbook = created.body();
        String slug = "queue-backlog-" + tag;
        assertThat(runbook.get("slug").asText()).isEqualTo(slug);
        assertThat(runbook.get("url").asText()).isEqualTo("/runbooks/" + slug);
        assertThat(runbook.get("version").asInt()).isEqualTo(1);
        assertThat(runbook.get("updatedBy").asText()).isEqualTo("admin");
        assertThat(runbook.get("steps").get(0).asText()).isEqualTo("Check consumer lag");
        assertThat(runbook.get("html").asText()).contains("<li>Scale consumers</li>").doesNotContain("<script>");

        JsonApi.Answer saved = api.put("/api/v1/runbooks/" + slug, """
                {"title": "Queue backlog %s", "owner": "team-payments", "baseVersion": 1,
                 "markdown": "Drain the queue.\\n\\n1. Check consumer lag\\n2. Scale consumers to 6\\n3. Tell #payments"}""".formatted(tag));
        assertThat(saved.body().get("version").asInt()).isEqualTo(2);
        JsonApi.Answer stale = api.put("/api/v1/runbooks/" + slug, """
                {"title": "t", "owner": "o", "baseVersion": 1, "markdown": "an edit made from version 1"}""");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("message").asText()).contains("is at version 2, not 1");

        JsonNode versions = api.get("/api/v1/runbooks/" + slug + "/versions").body().get("versions");
        assertThat(versions.findValuesAsText("version")).containsExactly("2", "1");
        assertThat(versions.findValuesAsText("changedBy")).containsExactly("admin", "admin");
        JsonNode changes = api.get("/api/v1/runbooks/" + slug + "/versions/2").body().get("changes");
        assertThat(changes.toString()).contains("{\"kind\":\"REMOVED\",\"text\":\"2. Scale consumers\"}")
                .contains("{\"kind\":\"ADDED\",\"text\":\"2. Scale consumers to 6\"}")
                .contains("{\"kind\":\"ADDED\",\"text\":\"3. Tell #payments\"}");

        assertThat(api.get("/api/v1/runbooks?q=consumers%20" + tag).body().get("runbooks").findValuesAsText("slug")).containsExactly(slug);
        assertThat(api.get("/api/v1/runbooks?q=backlog").body().get("runbooks").findValuesAsText("slug")).contains(slug);
        assertThat(api.get("/api/v1/runbooks?q=nothing-like-this-" + tag).body().get("runbooks")).isEmpty();
    }

    @Test
    void rulesLinkingToARunbookAreListedWithIt() {
        String tag = Long.toHexString(System.nanoTime());
        var api = new JsonApi(port);
        String slug = api.post("/api/v1/runbooks", "{\"title\": \"Disk full " + tag + "\", \"owner\": \"sre\", \"markdown\": \"1. Free space\"}")
                .body().get("slug").asText();
        assertThat(api.post("/api/v1/alert-rules", """
                {"name": "DiskFull%s", "service": ".*", "kpi": "error_rate", "comparison": ">", "threshold": 2, "window": "5m",
                 "annotations": {"runbook_url": "/runbooks/%s?service={{ $labels.service }}"}}""".formatted(tag, slug)).status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/runbooks/" + slug).body().get("linkedRules").get(0).asText()).isEqualTo("DiskFull" + tag);
    }

    @Test
    void badRunbooksAreRefusedWithTheReason() {
        var api = new JsonApi(port);
        assertThat(api.post("/api/v1/runbooks", "{\"slug\": \"Not A Slug\", \"title\": \"t\", \"owner\": \"o\", \"markdown\": \"m\"}")
                .body().get("message").asText()).contains("slug is lower-case");
        assertThat(api.post("/api/v1/runbooks", "{\"title\": \"t\", \"markdown\": \"m\"}").body().get("message").asText())
                .isEqualTo("owner is required");
        assertThat(api.put("/api/v1/runbooks/x", "{\"title\": \"t\", \"owner\": \"o\", \"markdown\": \"m\"}").body().get("message")
                .asText()).contains("baseVersion is required");
        String tag = Long.toHexString(System.nanoTime());
        String body = "{\"slug\": \"twice-" + tag + "\", \"title\": \"t\", \"owner\": \"o\", \"markdown\": \"m\"}";
        assertThat(api.post("/api/v1/runbooks", body).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/runbooks", body).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/runbooks/no-such-" + tag).status()).isEqualTo(404);
    }
}
