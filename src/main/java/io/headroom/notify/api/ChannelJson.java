package io.headroom.notify.api;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headroom.alerting.LabelMatcher;
import io.headroom.api.ApiParameters;
import io.headroom.notify.Channel;
import io.headroom.notify.ChannelFormat;
import io.headroom.notify.Grouping;

/** A channel as the API reads and writes it; {@code secret} appears only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChannelJson(Long id, String name, String url, String format, String secret, List<String> matchers, List<String> groupBy,
        String groupWait, String groupInterval, String repeatInterval, Boolean sendResolved, Boolean enabled) {

    static final String BODY = "body must be {\"name\": \"ops\", \"url\": \"https://hooks.example/alerts\", "
            + "\"format\": \"alertmanager|slack|json\", \"matchers\": [\"severity=\\\"critical\\\"\"], "
            + "\"groupBy\": [\"alertname\"], \"groupWait\": \"30s\", \"groupInterval\": \"5m\", \"repeatInterval\": \"4h\", "
            + "\"sendResolved\": true} (all but name, url and format optional)";

    static ChannelJson of(Channel channel) {
        return new ChannelJson(channel.id(), channel.name(), channel.url(), channel.format().key(), channel.secret(),
                channel.matchers().stream().map(LabelMatcher::toString).toList(), channel.grouping().groupBy(),
                ApiParameters.durationText(channel.grouping().groupWait()),
                ApiParameters.durationText(channel.grouping().groupInterval()),
                ApiParameters.durationText(channel.grouping().repeatInterval()), channel.sendResolved(), channel.enabled());
    }

    Channel toChannel() {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url is required; " + BODY);
        }
        return new Channel(null, name, url.trim(), ChannelFormat.of(format), null,
                matchers == null ? List.of() : matchers.stream().map(LabelMatcher::parse).toList(),
                new Grouping(groupBy, duration("groupWait", groupWait), duration("groupInterval", groupInterval),
                        duration("repeatInterval", repeatInterval)),
                sendResolved == null || sendResolved, enabled == null || enabled);
    }

    private static Duration duration(String field, String text) {
        return text == null ? null : ApiParameters.durationOrZero(field, text);
    }
}
