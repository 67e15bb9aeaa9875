package io.headroom.alerting.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.alerting.ExternalAlert;
import io.headroom.alerting.ExternalAlerts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook receiver: {@code POST /api/v1/alertmanager} takes the version 4 payload
 * an Alertmanager {@code webhook_config} sends (bearer token of scope alertmanager). A 200 means
 * every alert of the body is stored; anything malformed is refused whole with a 400 naming the
 * field, so nothing is half-stored.
 */
@RestController
class AlertmanagerWebhookController {

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** Alertmanager's zero time: the alert has no end yet. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final ExternalAlerts alerts;
    private final ObjectMapper json;

    AlertmanagerWebhookController(ExternalAlerts alerts, ObjectMapper json) {
        this.alerts = alerts;
        this.json = json;
    }

    @PostMapping("/api/v1/alertmanager")
    ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "body is over the limit of " + MAX_BODY_BYTES + " bytes");
        }
        try {
            List<ExternalAlert> parsed = parse(body);
            alerts.receive(parsed);
            return ResponseEntity.ok(Map.of("status", "success", "received", parsed.size()));
        } catch (Malformed | IllegalArgumentException e) {
            return refuse(HttpStatus.BAD_REQUEST, "bad_request", e.getMessage());
        }
    }

    private List<ExternalAlert> parse(byte[] body) throws Malformed {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new Malformed("body is not JSON: " + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new Malformed("body must be an Alertmanager webhook payload (a JSON object with \"version\": \"4\" and \"alerts\")");
        }
        if (!"4".equals(root.path("version").asText(null))) {
            throw new Malformed("version must be \"4\" (Alertmanager's webhook payload); was " + root.path("version"));
        }
        String receiver = root.path("receiver").isTextual() ? root.get("receiver").asText() : "";
        if (receiver.length() > 256) {
            throw new Malformed("receiver is at most 256 characters");
        }
        JsonNode list = root.path("alerts");
        if (!list.isArray()) {
            throw new Malformed("alerts must be an array");
        }
        if (list.size() > ExternalAlerts.MAX_PER_REQUEST) {
            throw new Malformed("a webhook carries at most " + ExternalAlerts.MAX_PER_REQUEST + " alerts; this one has " + list.size());
        }
        Instant now = alerts.now();
        var parsed = new ArrayList<ExternalAlert>();
        for (int i = 0; i < list.size(); i++) {
            String at = "alerts[" + i + "]";
            JsonNode alert = list.get(i);
            try {
                parsed.add(alert(alert, at, receiver, now));
            } catch (IllegalArgumentException e) {
                throw new Malformed(at + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    private static ExternalAlert alert(JsonNode alert, String at, String receiver, Instant now) throws Malformed {
        if (!alert.isObject()) {
            throw new Malformed(at + " must be an object");
        }
        String status = alert.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new Malformed(at + ".status must be \"firing\" or \"resolved\"");
        }
        Instant starts = time(alert.path("startsAt"), at + ".startsAt");
        if (starts == null) {
            throw new Malformed(at + ".startsAt is required (RFC 3339)");
        }
        Instant ends = time(alert.path("endsAt"), at + ".endsAt");
        JsonNode generator = alert.path("generatorURL");
        return new ExternalAlert(null, texts(alert.path("labels"), at + ".labels"), texts(alert.path("annotations"), at + ".annotations"),
                status.equals("firing"), starts, ends, generator.isTextual() && !generator.asText().isEmpty() ? generator.asText() : null,
                receiver, now);
    }

    private static Map<String, String> texts(JsonNode object, String at) throws Malformed {
        if (object.isMissingNode() || object.isNull()) {
            return Map.of();
        }
        if (!object.isObject()) {
            throw new Malformed(at + " must be an object of strings");
        }
        if (object.size() > Math.max(ExternalAlert.MAX_LABELS, ExternalAlert.MAX_ANNOTATIONS)) {
            throw new Malformed(at + " has " + object.size() + " entries; an alert has at most " + ExternalAlert.MAX_LABELS);
        }
        var texts = new TreeMap<String, String>();
        var fields = object.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw new Malformed(at + " values must be strings");
            }
            texts.put(field.getKey(), field.getValue().asText());
        }
        return texts;
    }

    private static Instant time(JsonNode node, String at) throws Malformed {
        if (node.isMissingNode() || node.isNull() || node.asText().isEmpty()) {
            return null;
        }
        try {
            Instant time = Instant.parse(node.asText());
            return time.equals(ZERO_TIME) ? null : time;
        } catch (DateTimeParseException e) {
            throw new Malformed(at + " must be an RFC 3339 time; was '" + abbreviated(node.asText()) + "'");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(Map.of("error", error, "message", message));
    }
}
