package io.headroom.notify;

import java.util.List;

import io.headroom.alerting.LabelMatcher;

/**
 * A webhook that hears about the alerts its matchers select (all of them match; none: every
 * alert), grouped and signed with {@code secret}.
 *
 * @param id null until saved
 * @param secret the Standard Webhooks key; null when a caller may not see it
 */
public record Channel(Long id, String name, String url, ChannelFormat format, String secret, List<LabelMatcher> matchers,
        Grouping grouping, boolean sendResolved, boolean enabled) {

    public Channel {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        if (format == null) {
            throw new IllegalArgumentException("format must be alertmanager, slack or json");
        }
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
        grouping = grouping == null ? Grouping.DEFAULT : grouping;
    }

    public boolean selects(java.util.Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    Channel withId(long newId, String newSecret) {
        return new Channel(newId, name, url, format, newSecret, matchers, grouping, sendResolved, enabled);
    }

    /** As shown to anyone but at creation: without its secret. */
    public Channel withoutSecret() {
        return new Channel(id, name, url, format, null, matchers, grouping, sendResolved, enabled);
    }
}
