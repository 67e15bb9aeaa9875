package io.headroom.notify.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
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
import io.headroom.ui.DeleteDialog;
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
    private final boolean mayChange;
    private final ObjectMapper json;
    private final Grid<Channel> channelGrid = new Grid<>();
    private final Grid<Delivery> deliveryGrid = new Grid<>();
    private final Paragraph channelSummary = new Paragraph();
    private final Pre attempts = new Pre();
    private final Pre body = new Pre();
    private final LiveRefresh.Handle refresh;

    public NotificationsView(Channels channels, Deliveries deliveries, LiveRefresh live, AuthenticationContext authentication,
            ObjectMapper json, Clock clock) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
        this.mayTest = authentication.hasRole("OPERATOR");
        this.mayChange = authentication.hasRole("ADMIN");
        configureChannels();
        configureDeliveries();
        for (Pre text : List.of(attempts, body)) {
            text.setVisible(false);
            text.setWidthFull();
            text.getStyle().set("white-space", "pre-wrap");
        }
        body.getStyle().set("max-height", "24rem").set("overflow", "auto");
        add(new H2("Notifications"));
        if (mayChange) {
            var create = new Button("New channel", click -> new ChannelDialog(channels, null, this::created).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(channelSummary, channelGrid, new H3("Delivery log"), deliveryGrid, attempts, body);
        setWidthFull();
        reloadChannels();
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
        if (mayTest || mayChange) {
            channelGrid.addColumn(channelActions()).setHeader("").setAutoWidth(true).setFlexGrow(0).setKey("actions");
        }
        channelGrid.setAllRowsVisible(true);
        channelGrid.setWidthFull();
    }

    /** Rendered in the browser from the row's data, so a click acts on the channel the row shows now. */
    private LitRenderer<Channel> channelActions() {
        String test = mayTest ? "<vaadin-button theme='small' aria-label='Send a test notification to ${item.name}' "
                + "@click=${test}>Send test</vaadin-button>" : "";
        String change = mayChange ? "<vaadin-button theme='small tertiary' aria-label='Edit ${item.name}' @click=${edit}>Edit</vaadin-button>"
                + "<vaadin-button theme='small tertiary error' aria-label='Delete ${item.name}' @click=${remove}>Delete</vaadin-button>" : "";
        return LitRenderer.<Channel>of(test + change)
                .withProperty("name", Channel::name)
                .withFunction("test", channel -> channels.sendTest(channel.id()).ifPresent(id -> {
                    Notification.show("Test notification " + id + " queued for " + channel.name(), 3_000, Notification.Position.BOTTOM_START);
                    refresh.now();
                }))
                .withFunction("edit", channel -> new ChannelDialog(channels, channel, saved -> reloadChannels()).open())
                .withFunction("remove", this::confirmDelete);
    }

    private void created(Channel channel) {
        reloadChannels();
        var dialog = new Dialog();
        dialog.setHeaderTitle("Channel " + channel.name() + " created");
        var secret = new TextField("Signing secret");
        secret.setValue(channel.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setHelperText("Copy it into the receiver now: Headroom does not show it again. Deliveries are signed with it "
                + "(Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).");
        dialog.add(secret);
        dialog.setWidth("40rem");
        dialog.getFooter().add(new Button("Done", click -> dialog.close()));
        dialog.open();
    }

    private void confirmDelete(Channel channel) {
        DeleteDialog.open(channel.name(), "Its alerts are no longer sent there; its past deliveries stay in the log.", () -> {
            channels.delete(channel.id());
            reloadChannels();
        });
    }

    private void reloadChannels() {
        List<Channel> all = channels.all();
        channelGrid.setItems(all);
        channelGrid.recalculateColumnWidths();
        channelSummary.setText(all.isEmpty() ? "No channels yet" + (mayChange ? ": add one with New channel." : ".")
                : Formats.count(all.size(), "channel") + (mayTest ? " · Send test queues a made-up firing alert to the channel" : ""));
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
        body.setText("Body sent:\n" + deliveries.body(delivery.id()).map(this::pretty).orElse("(none)"));
        body.setVisible(true);
        // The log refreshes every few seconds; the row clicked should agree with its attempts now.
        refresh.now();
    }

    /** The body as sent, indented when it is JSON (every format is). */
    private String pretty(String sent) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(sent));
        } catch (JsonProcessingException e) {
            return sent;
        }
    }

    private static String text(Duration duration) {
        return io.headroom.api.ApiParameters.durationText(duration);
    }
}
