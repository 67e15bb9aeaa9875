package io.headroom.demo.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.demo.DemoPager;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo pager's webhook (POST, from this machine only: it is where the demo's channel
 * delivers) and the pages it received (GET). 404 when the demo fleet is off.
 */
@RestController
@RequestMapping("/api/v1/demo/pager")
class DemoPagerController {

    private static final int MAX_BODY = 1 << 20;

    private final ObjectProvider<DemoPager> pager;
    private final ObjectMapper json;

    DemoPagerController(ObjectProvider<DemoPager> pager, ObjectMapper json) {
        this.pager = pager;
        this.json = json;
    }

    record PagesResponse(List<DemoPager.Page> pages) {
    }

    @GetMapping
    ResponseEntity<?> pages() {
        DemoPager demo = pager.getIfAvailable();
        return demo == null ? off() : ResponseEntity.ok(new PagesResponse(demo.recent()));
    }

    @PostMapping
    ResponseEntity<?> receive(HttpServletRequest request, @RequestHeader(name = "webhook-id", required = false) String webhookId)
            throws IOException {
        DemoPager demo = pager.getIfAvailable();
        if (demo == null) {
            return off();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length == 0) {
            return bad("body must be an Alertmanager webhook payload");
        }
        if (body.length > MAX_BODY) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Map.of("error", "too_large", "message", "the demo pager takes bodies up to 1 MiB"));
        }
        try {
            DemoPager.Page page = demo.receive(json.readTree(body), webhookId);
            return ResponseEntity.ok(Map.of("status", "paged", "message", page.acknowledgement()));
        } catch (JsonProcessingException e) {
            return bad("body is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
    }

    private static ResponseEntity<Map<String, String>> bad(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", message));
    }

    private static ResponseEntity<Map<String, String>> off() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", "the demo fleet is off (headroom.demo.enabled=false)"));
    }
}
