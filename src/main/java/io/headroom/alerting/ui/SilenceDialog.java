package io.headroom.alerting.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.LabelMatcher;
import io.headroom.alerting.Silence;
import io.headroom.alerting.Silences;

/** Silences one alert (its alertname and service) for a chosen time, with the comment the silence needs. */
final class SilenceDialog extends Dialog {

    /** How long a silence made in the UI lasts, as offered in this dialog and on the Silences page. */
    static final Map<String, Duration> LENGTHS = new LinkedHashMap<>();

    static {
        LENGTHS.put("1 hour", Duration.ofHours(1));
        LENGTHS.put("2 hours", Duration.ofHours(2));
        LENGTHS.put("4 hours", Duration.ofHours(4));
        LENGTHS.put("1 day", Duration.ofDays(1));
        LENGTHS.put("1 week", Duration.ofDays(7));
    }

    SilenceDialog(Silences silences, Clock clock, AlertView alert, Runnable silenced) {
        List<LabelMatcher> matchers = matchers(alert);
        setHeaderTitle("Silence " + alert.name());
        var length = new Select<String>();
        length.setLabel("For");
        length.setItems(LENGTHS.keySet());
        length.setValue("1 hour");
        var comment = new TextArea("Why");
        comment.setPlaceholder("Deploying the fix; ticket OPS-123");
        comment.setHelperText("Required: the next person on call reads it");
        comment.setWidthFull();
        var what = new Paragraph("Mutes alerts matching " + String.join(", ", matchers.stream().map(LabelMatcher::toString).toList())
                + ": they stay listed but are not notified.");
        add(new VerticalLayout(what, length, comment));
        var save = new Button("Silence", click -> {
            try {
                Instant now = clock.instant();
                Silence made = silences.create(new Silence(null, matchers, now, now.plus(LENGTHS.get(length.getValue())), null,
                        comment.getValue(), null));
                Notification.show("Silenced until " + made.endsAt(), 4_000, Notification.Position.BOTTOM_START);
                close();
                silenced.run();
            } catch (IllegalArgumentException e) {
                comment.setErrorMessage(e.getMessage());
                comment.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }

    private static List<LabelMatcher> matchers(AlertView alert) {
        var matchers = new ArrayList<LabelMatcher>();
        matchers.add(new LabelMatcher("alertname", LabelMatcher.Operator.EQUAL, alert.name()));
        if (!alert.service().isEmpty()) {
            matchers.add(new LabelMatcher("service", LabelMatcher.Operator.EQUAL, alert.service()));
        }
        return matchers;
    }
}
