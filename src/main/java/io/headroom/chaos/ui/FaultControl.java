package io.headroom.chaos.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.chaos.Chaos;
import io.headroom.chaos.Fault;
import io.headroom.ui.LiveRefresh;

/** The faults running on one service, each with the time it has left and a Stop button, and Inject fault…. */
final class FaultControl extends HorizontalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final String service;
    private final Chaos chaos;
    private final Clock clock;
    private final HorizontalLayout running = new HorizontalLayout();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    FaultControl(String service, Chaos chaos, LiveRefresh live, Clock clock) {
        this.service = service;
        this.chaos = chaos;
        this.clock = clock;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        running.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        var inject = new Button("Inject fault…", click -> new FaultDialog(service, chaos, this::show).open());
        inject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        add(running, inject);
        live.whileAttached(this, REFRESH, () -> chaos.running(service), this::show);
    }

    /**
     * Updates entries in place, keyed by fault id: rebuilding them on every refresh would replace a
     * Stop button the operator is about to click, and a click on a removed button is dropped.
     */
    private void show(List<Fault> faults) {
        Set<String> current = faults.stream().map(Fault::id).collect(Collectors.toSet());
        entries.entrySet().removeIf(entry -> {
            boolean ended = !current.contains(entry.getKey());
            if (ended) {
                running.remove(entry.getValue().layout());
            }
            return ended;
        });
        for (Fault fault : faults) {
            entries.computeIfAbsent(fault.id(), id -> newEntry(fault)).showTimeLeft(fault, clock);
        }
    }

    private Entry newEntry(Fault fault) {
        var text = new Span();
        text.getElement().getThemeList().add("badge error");
        text.getElement().setAttribute("data-fault", fault.id());
        var stop = new Button("Stop", click -> show(afterStopping(fault)));
        stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        stop.setDisableOnClick(true);
        var layout = new HorizontalLayout(text, stop);
        layout.setSpacing(false);
        layout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        layout.addClassNames(LumoUtility.Gap.XSMALL);
        running.add(layout);
        return new Entry(layout, text);
    }

    private record Entry(HorizontalLayout layout, Span text) {
        void showTimeLeft(Fault fault, Clock clock) {
            long left = Math.max(0, Duration.between(clock.instant(), fault.endsAt()).toSeconds());
            text.setText(fault.spec().describe() + " · %d:%02d left".formatted(left / 60, left % 60));
        }
    }

    private List<Fault> afterStopping(Fault fault) {
        chaos.stop(fault.id());
        return chaos.running(service);
    }

    private void show() {
        show(chaos.running(service));
    }
}
