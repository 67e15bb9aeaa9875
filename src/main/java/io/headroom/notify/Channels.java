package io.headroom.notify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import io.headroom.webhook.WebhookSignature;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Notification channels: administrators create and change them (each URL checked against
 * {@link OutboundUrlPolicy}), operators send a test notification; every change audited. The
 * secret is shown once, when the channel is created, as API tokens are.
 */
@Service
public class Channels {

    /** Another channel has the name. */
    public static final class NameTaken extends RuntimeException {
        NameTaken(String name) {
            super("a channel named '" + name + "' exists already", null, false, false);
        }
    }

    private final ChannelRecords records;
    private final OutboundUrlPolicy urls;
    private final Outbox outbox;
    private final Clock clock;

    Channels(ChannelRecords records, OutboundUrlPolicy urls, Outbox outbox, Clock clock) {
        this.records = records;
        this.urls = urls;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Without their secrets. */
    public List<Channel> all() {
        return records.all().stream().map(Channel::withoutSecret).toList();
    }

    public Optional<Channel> find(long id) {
        return records.find(id).map(Channel::withoutSecret);
    }

    /** @return the channel with its new secret, the only time it is shown */
    @PreAuthorize(Roles.ADMIN)
    @Audited("notify.channel-create")
    public Channel create(Channel channel) {
        urls.check(channel.url());
        String secret = WebhookSignature.newSecret();
        try {
            return channel.withId(records.insert(channel.withId(0, secret), clock.instant()), secret);
        } catch (DuplicateKeyException e) {
            throw new NameTaken(channel.name());
        }
    }

    /** Changes all but the secret. @return empty when no channel has the id */
    @PreAuthorize(Roles.ADMIN)
    @Audited("notify.channel-update")
    public Optional<Channel> update(long id, Channel channel) {
        urls.check(channel.url());
        try {
            return records.update(id, channel, clock.instant()) ? find(id) : Optional.empty();
        } catch (DuplicateKeyException e) {
            throw new NameTaken(channel.name());
        }
    }

    @PreAuthorize(Roles.ADMIN)
    @Audited("notify.channel-delete")
    public boolean delete(long id) {
        return records.delete(id);
    }

    /**
     * Queues a notification about a made-up alert to the channel, through the same outbox and
     * delivery log as real ones. @return its delivery's id, empty when no channel has the id
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("notify.channel-test")
    public Optional<Long> sendTest(long id) {
        return records.find(id).map(outbox::test);
    }
}
