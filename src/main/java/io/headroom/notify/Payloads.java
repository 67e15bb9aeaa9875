package io.headroom.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The bodies of the three channel formats. Text goes into JSON through Jackson, which escapes it;
 * Slack's mrkdwn additionally gets {@code & < >} escaped, as Slack requires, so a label cannot
 * become a link or a mention. Relative runbook links become absolute Headroom URLs.
 */
@Component
class Payloads {

    /** Slack shows at most 50 blocks; a message lists this many alerts and counts the rest. */
    static final int SLACK_ALERTS = 10;
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final ObjectMapper json;
    private final HeadroomLinks links;

    Payloads(ObjectMapper json, HeadroomLinks links) {
        this.json = json;
        this.links = links;
    }

    byte[] body(ChannelFormat format, Notification notification) {
        Object body = switch (format) {
            case ALERTMANAGER -> alertmanager(notification);
            case SLACK -> slack(notification);
            case JSON -> generic(notification);
        };
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alertmanager's webhook payload, version 4, with runbook_url, headroom_url and value added to each alert's annotations. */
    private Map<String, Object> alertmanager(Notification n) {
        var alerts = n.alerts().stream().map(alert -> {
            var annotations = new TreeMap<>(alert.annotations());
            if (alert.annotations().containsKey("runbook_url")) {
                annotations.put("runbook_url", links.absolute(alert.annotations().get("runbook_url")));
            }
            annotations.put("headroom_url", links.alert(alert.fingerprint()));
            if (alert.value() != null) {
                annotations.put("value", Double.toString(alert.value()));
            }
            var a = new LinkedHashMap<String, Object>();
            a.put("status", alert.firing() ? "firing" : "resolved");
            a.put("labels", alert.labels());
            a.put("annotations", annotations);
            a.put("startsAt", time(alert.startsAt()));
            a.put("endsAt", alert.endsAt() == null ? ZERO_TIME : time(alert.endsAt()));
            a.put("generatorURL", links.alert(alert.fingerprint()));
            a.put("fingerprint", alert.fingerprint());
            return a;
        }).toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("version", "4");
        body.put("groupKey", n.groupKey());
        body.put("truncatedAlerts", 0);
        body.put("status", n.firing() ? "firing" : "resolved");
        body.put("receiver", n.channel());
        body.put("groupLabels", n.groupLabels());
        body.put("commonLabels", common(n.alerts().stream().map(NotifiedAlert::labels).toList()));
        body.put("commonAnnotations", common(alerts.stream().map(a -> {
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) a.get("annotations");
            return annotations;
        }).toList()));
        body.put("externalURL", links.base());
        body.put("alerts", alerts);
        return body;
    }

    private Map<String, Object> slack(Notification n) {
        String status = n.firing() ? "FIRING:" + n.firingCount() : "RESOLVED";
        String title = "[" + status + "] " + String.join(" ", n.groupLabels().values());
        var blocks = new java.util.ArrayList<Map<String, Object>>();
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", cut(title, 150))));
        List<NotifiedAlert> shown = n.alerts().stream().limit(SLACK_ALERTS).toList();
        for (NotifiedAlert alert : shown) {
            String summary = alert.annotations().getOrDefault("summary", alert.rule() + " on " + alert.service());
            var text = new StringBuilder().append(alert.firing() ? ":red_circle: *" : ":large_green_circle: *")
                    .append(mrkdwn(alert.rule())).append("* · ").append(mrkdwn(alert.service())).append('\n').append(mrkdwn(summary));
            if (alert.annotations().containsKey("description")) {
                text.append('\n').append(mrkdwn(alert.annotations().get("description")));
            }
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", cut(text.toString(), 3000))));
            var buttons = new java.util.ArrayList<Map<String, Object>>();
            String runbook = links.absolute(alert.annotations().get("runbook_url"));
            if (runbook != null) {
                buttons.add(button("Runbook", runbook, "primary"));
            }
            buttons.add(button("Open in Headroom", links.alert(alert.fingerprint()), null));
            blocks.add(Map.of("type", "actions", "elements", buttons));
        }
        if (n.alerts().size() > shown.size()) {
            blocks.add(Map.of("type", "context", "elements", List.of(Map.of("type", "mrkdwn",
                    "text", "and " + (n.alerts().size() - shown.size()) + " more in Headroom"))));
        }
        return Map.of("text", mrkdwn(title), "blocks", blocks);
    }

    private Map<String, Object> generic(Notification n) {
        var body = new LinkedHashMap<String, Object>();
        body.put("source", "headroom");
        body.put("channel", n.channel());
        body.put("groupKey", n.groupKey());
        body.put("groupLabels", n.groupLabels());
        body.put("status", n.firing() ? "firing" : "resolved");
        body.put("alerts", n.alerts().stream().map(alert -> {
            var a = new LinkedHashMap<String, Object>();
            a.put("fingerprint", alert.fingerprint());
            a.put("rule", alert.rule());
            a.put("service", alert.service());
            a.put("status", alert.firing() ? "firing" : "resolved");
            a.put("value", alert.value());
            a.put("labels", alert.labels());
            a.put("annotations", alert.annotations());
            a.put("runbookUrl", links.absolute(alert.annotations().get("runbook_url")));
            a.put("url", links.alert(alert.fingerprint()));
            a.put("startsAt", time(alert.startsAt()));
            a.put("endsAt", alert.endsAt() == null ? null : time(alert.endsAt()));
            return a;
        }).toList());
        return body;
    }

    private static Map<String, Object> button(String text, String url, String style) {
        var button = new LinkedHashMap<String, Object>();
        button.put("type", "button");
        button.put("text", Map.of("type", "plain_text", "text", text));
        button.put("url", url);
        if (style != null) {
            button.put("style", style);
        }
        return button;
    }

    /** The labels (or annotations) every map has with the same value. */
    private static Map<String, String> common(List<Map<String, String>> maps) {
        var common = new TreeMap<String, String>();
        if (maps.isEmpty()) {
            return common;
        }
        maps.get(0).forEach((key, value) -> {
            if (maps.stream().allMatch(m -> Objects.equals(m.get(key), value))) {
                common.put(key, value);
            }
        });
        return common;
    }

    /** Slack's three control characters; everything else in mrkdwn is harmless text. */
    static String mrkdwn(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String time(Instant instant) {
        return instant == null ? ZERO_TIME : instant.toString();
    }
}
