package io.headroom.chaos.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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

    private void show(List<Fault> faults) {
        running.removeAll();
        for (Fault fault : faults) {
            long left = Math.max(0, Duration.between(clock.instant(), fault.endsAt()).toSeconds());
            var text = new Span(fault.spec().describe() + " · %d:%02d left".formatted(left / 60, left % 60));
            text.getElement().getThemeList().add("badge error");
            text.getElement().setAttribute("data-fault", fault.id());
            var stop = new Button("Stop", click -> show(afterStopping(fault)));
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var entry = new HorizontalLayout(text, stop);
            entry.setSpacing(false);
            entry.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            entry.addClassNames(LumoUtility.Gap.XSMALL);
            running.add(entry);
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
