package io.headroom.notify.ui;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.headroom.alerting.LabelMatcher;
import io.headroom.api.ApiParameters;
import io.headroom.notify.Channel;
import io.headroom.notify.ChannelFormat;
import io.headroom.notify.Channels;
import io.headroom.notify.Grouping;

/**
 * Creates or edits a webhook channel: where it posts, in which format, which alerts, how they are
 * grouped. The URL is checked as every delivery checks it (no private addresses unless allowed),
 * and each refusal is shown under the field it is about.
 */
final class ChannelDialog extends Dialog {

    private static final List<String> WAITS = List.of("0s", "10s", "30s", "1m", "5m");
    private static final List<String> INTERVALS = List.of("30s", "1m", "5m", "15m", "1h");
    private static final List<String> REPEATS = List.of("30m", "1h", "4h", "12h", "1d");

    private final Channels channels;
    private final Channel editing;
    private final TextField name = new TextField("Name");
    private final TextField url = new TextField("URL");
    private final Select<ChannelFormat> format = new Select<>();
    private final TextField matchers = new TextField("Alerts");
    private final TextField groupBy = new TextField("Group by");
    private final Select<String> groupWait = new Select<>();
    private final Select<String> groupInterval = new Select<>();
    private final Select<String> repeatInterval = new Select<>();
    private final Checkbox sendResolved = new Checkbox("Send resolved", true);
    private final Checkbox enabled = new Checkbox("Enabled", true);

    /**
     * @param editing null to create one
     * @param saved told the stored channel; on creation the only time its secret is given
     */
    ChannelDialog(Channels channels, Channel editing, Consumer<Channel> saved) {
        this.channels = channels;
        this.editing = editing;
        setHeaderTitle(editing == null ? "New webhook channel" : "Edit " + editing.name());
        setWidth("48rem");
        name.setRequired(true);
        url.setRequired(true);
        url.setPlaceholder("https://hooks.example/alerts");
        url.setHelperText("http or https; loopback and private networks only where headroom.notify.allow-private lists them");
        format.setLabel("Body");
        format.setItems(ChannelFormat.values());
        format.setItemLabelGenerator(f -> switch (f) {
            case ALERTMANAGER -> "Alertmanager webhook (version 4)";
            case SLACK -> "Slack incoming webhook";
            case JSON -> "Headroom JSON";
        });
        format.setValue(ChannelFormat.ALERTMANAGER);
        matchers.setPlaceholder("severity=~\"critical|warning\"");
        matchers.setHelperText("Matchers an alert must all meet; empty: every alert");
        groupBy.setValue("alertname");
        groupBy.setHelperText("Label names, comma-separated; ... for one group per alert");
        groupWait.setLabel("Group wait");
        groupInterval.setLabel("Group interval");
        repeatInterval.setLabel("Repeat every");
        Grouping grouping = editing == null ? Grouping.DEFAULT : editing.grouping();
        select(groupWait, WAITS, grouping.groupWait());
        select(groupInterval, INTERVALS, grouping.groupInterval());
        select(repeatInterval, REPEATS, grouping.repeatInterval());
        if (editing != null) {
            name.setValue(editing.name());
            url.setValue(editing.url());
            format.setValue(editing.format());
            matchers.setValue(String.join(", ", editing.matchers().stream().map(LabelMatcher::toString).toList()));
            groupBy.setValue(String.join(", ", grouping.groupBy()));
            sendResolved.setValue(editing.sendResolved());
            enabled.setValue(editing.enabled());
        }
        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 3));
        form.add(name, format);
        form.add(enabled);
        form.add(url, 3);
        form.add(matchers, 3);
        form.add(groupBy, 3);
        form.add(groupWait, groupInterval, repeatInterval);
        form.add(sendResolved, 3);
        add(form);
        var save = new Button(editing == null ? "Create channel" : "Save", click -> save(saved));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private static void select(Select<String> select, List<String> choices, Duration value) {
        String text = ApiParameters.durationText(value);
        var all = new LinkedHashSet<>(choices);
        all.add(text);
        select.setItems(all);
        select.setValue(text);
    }

    private void save(Consumer<Channel> saved) {
        List.<HasValidation>of(name, url, matchers, groupBy).forEach(field -> field.setInvalid(false));
        List<LabelMatcher> selected;
        try {
            selected = LabelMatcher.parseList(matchers.getValue());
        } catch (IllegalArgumentException e) {
            invalid(matchers, e.getMessage());
            return;
        }
        Grouping grouping;
        try {
            grouping = new Grouping(List.of(groupBy.getValue().split("\\s*,\\s*")).stream().map(String::strip).filter(l -> !l.isEmpty())
                    .toList(), duration(groupWait), duration(groupInterval), duration(repeatInterval));
        } catch (IllegalArgumentException e) {
            invalid(groupBy, e.getMessage());
            return;
        }
        Channel channel;
        try {
            channel = new Channel(null, name.getValue().trim(), url.getValue().trim(), format.getValue(), null, selected, grouping,
                    sendResolved.getValue(), enabled.getValue());
        } catch (IllegalArgumentException e) {
            invalid(name, e.getMessage());
            return;
        }
        try {
            Channel stored = editing == null ? channels.create(channel) : channels.update(editing.id(), channel).orElse(null);
            close();
            saved.accept(stored);
        } catch (Channels.NameTaken e) {
            invalid(name, e.getMessage());
        } catch (IllegalArgumentException e) {
            // Channel itself is valid by now: what is left to refuse is the URL.
            invalid(url, e.getMessage());
        }
    }

    private static Duration duration(Select<String> select) {
        return ApiParameters.durationOrZero(select.getLabel(), select.getValue());
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
