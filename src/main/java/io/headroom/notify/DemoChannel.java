package io.headroom.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.headroom.webhook.WebhookSignature;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * With the demo fleet on, a Headroom with no channel gets one: {@value #NAME}, posting
 * Alertmanager's payload to the demo's pager on this Headroom's own port, so a new user sees the
 * whole loop (fault → alert → webhook delivered with its runbook link) in the delivery log and on
 * the Demo page. Only that exact URL is let through the loopback guard; other channels still need
 * {@code headroom.notify.allow-private}. The channel follows the port when Headroom restarts on
 * another one.
 */
@Component
@ConditionalOnProperty(name = "headroom.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoChannel {

    static final String NAME = "demo-pager";
    static final String PATH = "/api/v1/demo/pager";

    private final ChannelRecords records;
    private final OutboundUrlPolicy urls;
    private final Clock clock;

    DemoChannel(ChannelRecords records, OutboundUrlPolicy urls, Clock clock) {
        this.records = records;
        this.urls = urls;
        this.clock = clock;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return;
        }
        URI pager = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + PATH);
        urls.trust(pager);
        List<Channel> all = records.all();
        if (all.isEmpty()) {
            Channel channel = new Channel(null, NAME, pager.toString(), ChannelFormat.ALERTMANAGER, null, List.of(),
                    new Grouping(List.of("alertname", "service"), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(4)),
                    true, true);
            try {
                records.insert(channel.withId(0, WebhookSignature.newSecret()), clock.instant());
            } catch (DuplicateKeyException e) {
                // Another Headroom instance starting at the same moment added it.
            }
            return;
        }
        all.stream().filter(channel -> channel.name().equals(NAME) && isPagerOnAnotherPort(channel.url(), pager))
                .forEach(channel -> records.update(channel.id(), new Channel(channel.id(), NAME, pager.toString(), channel.format(), null,
                        channel.matchers(), channel.grouping(), channel.sendResolved(), channel.enabled()), clock.instant()));
    }

    private static boolean isPagerOnAnotherPort(String url, URI pager) {
        URI stored = URI.create(url);
        return "127.0.0.1".equals(stored.getHost()) && PATH.equals(stored.getPath()) && stored.getPort() != pager.getPort();
    }
}
