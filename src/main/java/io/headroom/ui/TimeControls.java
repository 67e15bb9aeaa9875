package io.headroom.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

/**
 * Grafana's time controls: a relative range (5 minutes to 30 days) or a fixed one picked in a
 * dialog, zoom out, and the auto-refresh interval. The view keeps the choice in its URL
 * ({@link Choice#query()}) and hands it back through {@link #show(Choice)}; a change the user
 * makes goes to the view's listener.
 */
public final class TimeControls extends HorizontalLayout {

    /** What a view shows: its range and how often it refreshes (null: never). */
    public record Choice(TimeRange range, Duration refresh) {

        public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);

        /** Reads the choice from a view's URL; what is missing or unreadable takes the defaults. */
        public static Choice fromQuery(QueryParameters query, TimeRange defaultRange) {
            return fromQuery(query, defaultRange, DEFAULT_REFRESH);
        }

        public static Choice fromQuery(QueryParameters query, TimeRange defaultRange, Duration defaultRefresh) {
            Map<String, List<String>> parameters = query.getParameters();
            TimeRange range = TimeRange.fromQuery(parameters, defaultRange);
            List<String> refresh = parameters.getOrDefault("refresh", List.of());
            return new Choice(range, refresh.isEmpty() ? defaultRefresh : REFRESH_CHOICES.getOrDefault(refresh.get(0), defaultRefresh));
        }

        public QueryParameters query() {
            Map<String, String> parameters = new LinkedHashMap<>(range.toQuery());
            parameters.put("refresh", refresh == null ? "off" : TimeRange.shortSpan(refresh));
            return QueryParameters.simple(parameters);
        }
    }

    private static final Map<String, Duration> REFRESH_CHOICES = refreshChoices();

    private final Clock clock;
    private final Select<TimeRange> range = new Select<>();
    private final Select<String> refresh = new Select<>();
    private Choice shown;

    public TimeControls(Clock clock, Consumer<Choice> onChange) {
        this.clock = clock;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setSpacing(true);
        getElement().setAttribute("data-time-controls", "");

        range.setLabel("Time range");
        range.setItemLabelGenerator(TimeRange::label);
        range.setWidth("22rem");
        range.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                onChange.accept(new Choice(event.getValue(), shown.refresh()));
            }
        });

        var custom = new Button("Custom…", click -> openCustom(onChange));
        custom.getElement().setAttribute("title", "A fixed range, from one instant to another (UTC)");
        var zoomOut = new Button(VaadinIcon.SEARCH_MINUS.create(),
                click -> onChange.accept(new Choice(shown.range().zoomOut(clock.instant()), shown.refresh())));
        zoomOut.getElement().setAttribute("title", "Zoom out: twice the range, around the same centre");
        zoomOut.getElement().setAttribute("aria-label", "Zoom out");
        for (Button button : List.of(custom, zoomOut)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }

        refresh.setLabel("Refresh");
        refresh.setItems(new ArrayList<>(REFRESH_CHOICES.keySet()));
        refresh.setItemLabelGenerator(key -> key.equals("off") ? "Off" : "Every " + key);
        refresh.setWidth("9rem");
        refresh.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                onChange.accept(new Choice(shown.range(), REFRESH_CHOICES.get(event.getValue())));
            }
        });

        add(range, custom, zoomOut, refresh);
    }

    /** Shows the view's current choice without calling the listener. */
    public void show(Choice choice) {
        shown = choice;
        List<TimeRange> items = new ArrayList<>(TimeRange.PRESETS);
        if (!items.contains(choice.range())) {
            items.add(0, choice.range());
        }
        range.setItems(items);
        range.setValue(choice.range());
        refresh.setValue(choice.refresh() == null ? "off" : TimeRange.shortSpan(choice.refresh()));
    }

    private void openCustom(Consumer<Choice> onChange) {
        Instant now = clock.instant();
        var from = picker("From (UTC)", shown.range().start(now));
        var to = picker("To (UTC)", shown.range().end(now));
        var dialog = new Dialog();
        dialog.setHeaderTitle("Custom time range");
        dialog.add(new HorizontalLayout(from, to));
        var apply = new Button("Apply", click -> {
            from.setInvalid(false);
            to.setInvalid(false);
            if (from.getValue() == null) {
                invalid(from, "Enter the start of the range");
                return;
            }
            if (to.getValue() == null) {
                invalid(to, "Enter the end of the range");
                return;
            }
            Instant start = from.getValue().toInstant(ZoneOffset.UTC);
            Instant end = to.getValue().toInstant(ZoneOffset.UTC);
            if (!start.isBefore(end)) {
                invalid(to, "The end must be after the start");
                return;
            }
            if (Duration.between(start, end).compareTo(TimeRange.MAX_SPAN) > 0) {
                invalid(to, "At most " + TimeRange.MAX_SPAN.toDays() + " days after the start");
                return;
            }
            dialog.close();
            onChange.accept(new Choice(TimeRange.between(start, end), shown.refresh()));
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), apply);
        dialog.open();
    }

    private static DateTimePicker picker(String label, Instant value) {
        var picker = new DateTimePicker(label);
        picker.setStep(Duration.ofMinutes(1));
        picker.setValue(LocalDateTime.ofInstant(value, ZoneOffset.UTC).withSecond(0).withNano(0));
        return picker;
    }

    private static void invalid(DateTimePicker picker, String message) {
        picker.setErrorMessage(message);
        picker.setInvalid(true);
    }

    private static Map<String, Duration> refreshChoices() {
        Map<String, Duration> choices = new LinkedHashMap<>();
        choices.put("off", null);
        for (Duration period : List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(5))) {
            choices.put(TimeRange.shortSpan(period), period);
        }
        return choices;
    }
}
