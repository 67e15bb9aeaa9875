package io.headroom.demo.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.demo.DemoFleet;
import io.headroom.demo.DemoPager;
import io.headroom.demo.LoadStatus;
import io.headroom.demo.TrafficPattern;
import io.headroom.ui.Figure;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import org.springframework.beans.factory.ObjectProvider;

/** The demo load generator: what it sends now and what became of it, and its base rate to change. */
@PermitAll
@Route(value = "demo", layout = MainLayout.class)
@PageTitle("Demo load · Headroom")
@Menu(title = "Demo load", order = 90)
public class DemoLoadView extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final Figure base = new Figure("Base rate", "–");
    private final Figure now = new Figure("Rate now", "–");
    private final Figure sent = new Figure("Sent", "–");
    private final Figure failed = new Figure("Failed", "–");
    private final Figure inFlight = new Figure("In flight", "–");
    private final Paragraph pattern = new Paragraph();
    private final NumberField rps = new NumberField("Base rate (requests/s)");

    private final Grid<PageLine> pages = new Grid<>();
    private final Clock clock;

    /** One alert of one page, as the pager's list shows it. */
    private record PageLine(Instant receivedAt, DemoPager.PagedAlert alert) {
    }

    public DemoLoadView(ObjectProvider<DemoFleet> fleets, ObjectProvider<DemoPager> pagers, LiveRefresh live,
            AuthenticationContext authentication, Clock clock) {
        this.clock = clock;
        add(new H2("Demo load"));
        DemoFleet fleet = fleets.getIfAvailable();
        if (fleet == null) {
            add(new Paragraph("The demo fleet is off (headroom.demo.enabled=false)."));
            return;
        }
        var figures = new HorizontalLayout(base, now, sent, failed, inFlight);
        figures.addClassName("headroom-headline");

        rps.setMin(0);
        rps.setMax(2_000);
        rps.setStep(1);
        rps.setHelperText("0 to 2000; the daily curve and bursts move the rate around it");
        var apply = new Button("Apply", click -> apply(fleet));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(rps, apply);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        add(pattern, figures);
        // Changing the load acts on the (demo) services: an operator's decision.
        if (authentication.hasRole("OPERATOR")) {
            add(form);
        }
        live.whileAttached(this, REFRESH, fleet::load, this::show);
        DemoPager pager = pagers.getIfAvailable();
        if (pager != null) {
            configurePages();
            add(new H3("Demo pager"), new Paragraph("The demo-pager notification channel delivers here, as it would to a team's "
                    + "pager: inject latency on a service's page, and HighP99Latency arrives within a minute with its runbook."), pages);
            live.whileAttached(this, REFRESH, pager::recent, this::showPages);
        }
    }

    private void configurePages() {
        pages.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        pages.addColumn(line -> Formats.ago(line.receivedAt(), clock.instant())).setHeader("Received").setAutoWidth(true);
        pages.addColumn(line -> line.alert().name()).setHeader("Alert").setAutoWidth(true);
        pages.addColumn(line -> line.alert().status()).setHeader("Status").setAutoWidth(true);
        pages.addColumn(line -> line.alert().service()).setHeader("Service").setAutoWidth(true);
        pages.addColumn(line -> line.alert().summary()).setHeader("Summary").setFlexGrow(2);
        pages.addComponentColumn(line -> {
            String url = line.alert().runbookUrl();
            // The page's text came over a webhook: only an http(s) URL becomes a link.
            return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? new Anchor(url, "Runbook") : new Span();
        }).setHeader("Runbook").setAutoWidth(true);
        pages.setHeight("16rem");
        pages.setWidthFull();
    }

    private void showPages(List<DemoPager.Page> received) {
        pages.setItems(received.stream().flatMap(page -> page.alerts().stream().map(alert -> new PageLine(page.receivedAt(), alert)))
                .toList());
    }

    private void apply(DemoFleet fleet) {
        if (rps.getValue() == null || rps.isInvalid()) {
            rps.setErrorMessage("Enter a rate between 0 and 2000");
            rps.setInvalid(true);
            return;
        }
        try {
            show(fleet.setRps(rps.getValue()));
            Notification.show("Demo load set to " + Formats.rate(rps.getValue()), 3_000, Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException | IllegalStateException e) {
            rps.setErrorMessage(e.getMessage());
            rps.setInvalid(true);
        }
    }

    private void show(LoadStatus status) {
        base.setValue(Formats.rate(status.baseRps()));
        now.setValue(Formats.rate(status.currentRps()) + (status.bursting() ? " · burst" : ""));
        sent.setValue(Long.toString(status.sent()));
        failed.setValue(status.failed() + (status.sent() == 0 ? "" : " (" + Formats.percent((double) status.failed() / status.sent()) + ")"));
        inFlight.setValue(Integer.toString(status.inFlight()));
        if (rps.isEmpty()) {
            rps.setValue(status.baseRps());
        }
        pattern.setText("The load generator sends requests to the demo shop's gateway over HTTP. " + describe(status.pattern()));
    }

    private static String describe(TrafficPattern p) {
        String day = p.dailyAmplitude() == 0 ? "Its rate is steady"
                : "Its rate follows a day compressed into %d minutes (±%d%%)".formatted(p.dayLength().toMinutes(),
                        Math.round(p.dailyAmplitude() * 100));
        String bursts = p.burstsPerHour() == 0 || p.burstFactor() == 1 ? ", without bursts."
                : " with bursts of %s× lasting %d s, about %s an hour.".formatted(Formats.number(p.burstFactor()),
                        p.burstLength().toSeconds(), Formats.number(p.burstsPerHour()));
        return day + bursts;
    }
}
