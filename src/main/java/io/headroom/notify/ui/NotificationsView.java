package io.headroom.notify.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.alerting.LabelMatcher;
import io.headroom.notify.Channel;
import io.headroom.notify.Channels;
import io.headroom.notify.Deliveries;
import io.headroom.notify.Delivery;
import io.headroom.notify.DeliveryAttempt;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Notification channels, each with a "Send test" button for operators, and the delivery log:
 * every notification with its status, and for the one picked, every attempt with its status code,
 * duration and the start of the receiver's answer.
 */
@PermitAll
@Route(value = "notifications", layout = MainLayout.class)
@PageTitle("Notifications · Headroom")
@Menu(title = "Notifications", order = 7)
public class NotificationsView extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(3);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Channels channels;
    private final Deliveries deliveries;
    private final Clock clock;
    private final boolean mayTest;
    private final Grid<Channel> channelGrid = new Grid<>();
    private final Grid<Delivery> deliveryGrid = new Grid<>();
    private final Paragraph channelSummary = new Paragraph();
    private final Pre attempts = new Pre();
    private final LiveRefresh.Handle refresh;

    public NotificationsView(Channels channels, Deliveries deliveries, LiveRefresh live, AuthenticationContext authentication,
            Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
        this.mayTest = authentication.hasRole("OPERATOR");
        configureChannels();
        configureDeliveries();
        attempts.setVisible(false);
        attempts.setWidthFull();
        attempts.getStyle().set("white-space", "pre-wrap");
        add(new H2("Notifications"), channelSummary, channelGrid, new H3("Delivery log"), deliveryGrid, attempts);
        setSizeFull();
        channelGrid.setItems(channels.all());
        showChannelSummary();
        refresh = live.whileAttached(this, REFRESH, () -> deliveries.list(null, null, 200), deliveryGrid::setItems);
    }

    private void configureChannels() {
        channelGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        channelGrid.addColumn(Channel::name).setHeader("Channel").setAutoWidth(true).setKey("name");
        channelGrid.addColumn(c -> c.format().name().toLowerCase(Locale.ROOT)).setHeader("Format").setAutoWidth(true).setKey("format");
        channelGrid.addColumn(Channel::url).setHeader("URL").setFlexGrow(2).setKey("url");
        channelGrid.addColumn(c -> c.matchers().isEmpty() ? "every alert"
                : c.matchers().stream().map(LabelMatcher::toString).collect(Collectors.joining(", "))).setHeader("Alerts").setFlexGrow(2)
                .setKey("matchers");
        channelGrid.addColumn(c -> "by " + String.join(", ", c.grouping().groupBy()) + " · wait " + text(c.grouping().groupWait())
                + " · interval " + text(c.grouping().groupInterval()) + " · repeat " + text(c.grouping().repeatInterval()))
                .setHeader("Grouping").setFlexGrow(2).setKey("grouping");
        channelGrid.addComponentColumn(this::testButton).setHeader("").setAutoWidth(true).setKey("test");
        channelGrid.setAllRowsVisible(true);
        channelGrid.setWidthFull();
    }

    private Component testButton(Channel channel) {
        if (!mayTest) {
            return new Span();
        }
        var test = new Button("Send test", click -> channels.sendTest(channel.id()).ifPresent(id -> {
            Notification.show("Test notification " + id + " queued for " + channel.name(), 3_000, Notification.Position.BOTTOM_START);
            refresh.now();
        }));
        test.addThemeVariants(ButtonVariant.LUMO_SMALL);
        test.setAriaLabel("Send a test notification to " + channel.name());
        return test;
    }

    private void configureDeliveries() {
        deliveryGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        deliveryGrid.addColumn(d -> TIME.format(d.createdAt()) + " (" + Formats.ago(d.createdAt(), clock.instant()) + ")")
                .setHeader("Created").setAutoWidth(true).setKey("created");
        deliveryGrid.addComponentColumn(NotificationsView::status).setHeader("Status").setAutoWidth(true).setKey("status");
        deliveryGrid.addColumn(Delivery::channel).setHeader("Channel").setAutoWidth(true).setKey("channel");
        deliveryGrid.addColumn(d -> d.kind().equals("test") ? "test" : d.alertsFiring() + " firing, " + d.alertsResolved() + " resolved")
                .setHeader("Alerts").setAutoWidth(true).setKey("alerts");
        deliveryGrid.addColumn(Delivery::attempts).setHeader("Attempts").setAutoWidth(true).setKey("attempts");
        deliveryGrid.addColumn(d -> d.lastStatus() == null ? "" : Integer.toString(d.lastStatus())).setHeader("Last answer")
                .setAutoWidth(true).setKey("lastStatus");
        deliveryGrid.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader("Error").setFlexGrow(3).setKey("error");
        deliveryGrid.addColumn(Delivery::webhookId).setHeader("webhook-id").setAutoWidth(true).setKey("webhookId");
        deliveryGrid.setHeight("22rem");
        deliveryGrid.setWidthFull();
        deliveryGrid.addItemClickListener(click -> showAttempts(click.getItem()));
    }

    private static Component status(Delivery delivery) {
        var badge = new Span(delivery.status());
        badge.getElement().getThemeList().add(switch (delivery.status()) {
            case "delivered" -> "badge success";
            case "dead" -> "badge error";
            default -> "badge";
        });
        return badge;
    }

    private void showAttempts(Delivery delivery) {
        List<DeliveryAttempt> list = deliveries.attempts(delivery.id());
        var text = new StringBuilder("Delivery " + delivery.id() + " to " + delivery.channel() + " (" + delivery.webhookId() + "):\n");
        if (list.isEmpty()) {
            text.append("  no attempt finished yet\n");
        }
        for (DeliveryAttempt attempt : list) {
            text.append("  #").append(attempt.attempt()).append("  ").append(TIME.format(attempt.at())).append("  ")
                    .append(attempt.statusCode() == null ? "no answer" : "HTTP " + attempt.statusCode()).append("  ")
                    .append(attempt.durationMs()).append(" ms");
            if (attempt.error() != null) {
                text.append("  ").append(attempt.error());
            }
            if (attempt.responseExcerpt() != null && !attempt.responseExcerpt().isEmpty()) {
                text.append("\n      answer: ").append(attempt.responseExcerpt());
            }
            text.append('\n');
        }
        attempts.setText(text.toString());
        attempts.setVisible(true);
        // The log refreshes every few seconds; the row clicked should agree with its attempts now.
        refresh.now();
    }

    private void showChannelSummary() {
        int count = channels.all().size();
        channelSummary.setText(count == 0 ? "No channels yet: add one with POST /api/v1/notification-channels (see the README)."
                : Formats.count(count, "channel") + (mayTest ? " · Send test queues a made-up firing alert to the channel" : ""));
    }

    private static String text(Duration duration) {
        return io.headroom.api.ApiParameters.durationText(duration);
    }
}
