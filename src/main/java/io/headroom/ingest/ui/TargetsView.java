package io.headroom.ingest.ui;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.headroom.ingest.scrape.ScrapeTarget;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.ingest.scrape.Scraping;
import io.headroom.ingest.scrape.Scraping.TargetStatus;
import io.headroom.ingest.scrape.TargetHealth;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;

/** Every scrape target with its health and the reason it is down, like Prometheus's targets page; targets can be added. */
@PermitAll
@Route(value = "targets", layout = MainLayout.class)
@PageTitle("Targets · Headroom")
@Menu(title = "Targets", order = 80)
public class TargetsView extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final Scraping scraping;
    private final Clock clock;
    private final Grid<TargetStatus> grid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final TextField job = new TextField("Job");
    private final TextField url = new TextField("Metrics URL");
    private final TextField filter = new TextField();
    private List<TargetStatus> latest = List.of();

    private final boolean mayChange;

    public TargetsView(Scraping scraping, Clock clock, LiveRefresh live, AuthenticationContext authentication) {
        this.scraping = scraping;
        this.clock = clock;
        // Targets are Headroom's settings: everyone sees them, administrators add and remove them.
        this.mayChange = authentication.hasRole("ADMIN");
        configureGrid();
        add(new H2("Targets"), summary);
        if (mayChange) {
            add(addForm());
        }
        add(filterField(), grid);
        setSizeFull();
        live.whileAttached(this, REFRESH, scraping::targets, this::show);
    }

    private Component addForm() {
        job.setPlaceholder("node");
        job.setHelperText("the job label of its samples");
        url.setPlaceholder("http://host:9100/metrics");
        url.setHelperText("http or https; /metrics when no path is given");
        url.setWidth("28em");
        var add = new Button("Add target", click -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(job, url, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Component filterField() {
        filter.setPlaceholder("Filter by job, endpoint, label or error");
        filter.setClearButtonVisible(true);
        filter.setWidth("28em");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(change -> show(latest));
        filter.setAriaLabel("Filter targets");
        return filter;
    }

    private void add() {
        job.setInvalid(false);
        url.setInvalid(false);
        try {
            scraping.add(job.getValue(), url.getValue(), Map.of());
            Notification.show("Added " + url.getValue() + " to job " + job.getValue().trim(), 3_000, Notification.Position.BOTTOM_START);
            url.clear();
            show(scraping.targets());
        } catch (IllegalArgumentException | IllegalStateException e) {
            TextField field = e.getMessage().startsWith("job") ? job : url;
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
        }
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(status -> status.target().job()).setHeader("Job").setSortable(true).setAutoWidth(true).setKey("job");
        grid.addComponentColumn(status -> endpoint(status.target().url().toString())).setHeader("Endpoint")
                .setFlexGrow(3).setKey("endpoint");
        grid.addComponentColumn(status -> state(status.health())).setHeader("State").setAutoWidth(true).setKey("state");
        grid.addComponentColumn(status -> wrapping(labelText(status.target())))
                .setHeader("Labels").setFlexGrow(3).setKey("labels");
        grid.addColumn(status -> status.health().lastScrape() == null ? "never"
                : Formats.ago(status.health().lastScrape(), clock.instant())).setHeader("Last scrape")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("lastScrape");
        grid.addColumn(status -> Formats.millis(status.health().lastDuration().toNanos() / 1e6)).setHeader("Duration")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("duration");
        grid.addColumn(status -> Formats.number(status.health().samples())).setHeader("Samples")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("samples");
        grid.addColumn(status -> status.health().lastError()).setHeader("Error").setFlexGrow(2).setKey("error");
        grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setKey("remove");
        grid.setSizeFull();
    }

    /** Scrape URLs are http or https only (validated on the way in), so a link is safe. */
    private static Component endpoint(String url) {
        var link = new Anchor(url, url);
        link.setTarget("_blank");
        link.getStyle().set("word-break", "break-all");
        return link;
    }

    private static String labelText(ScrapeTarget target) {
        return target.labels().entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"").collect(Collectors.joining(" "));
    }

    private static Component wrapping(String text) {
        var span = new Span(text);
        span.getStyle().set("white-space", "normal").set("word-break", "break-word");
        return span;
    }

    private Component state(TargetHealth health) {
        var badge = new Span(health.state().name());
        badge.getElement().getThemeList().add(switch (health.state()) {
            case UP -> "badge success";
            case DOWN -> "badge error";
            case UNKNOWN -> "badge contrast";
        });
        return badge;
    }

    private Component removeButton(TargetStatus status) {
        if (!mayChange) {
            return new Span();
        }
        if (status.target().id() == null) {
            var source = new Span(status.target().source().equals("http_sd") ? "discovered" : "configured");
            source.getStyle().set("color", "var(--lumo-secondary-text-color)");
            return source;
        }
        var remove = new Button("Remove", click -> {
            scraping.remove(status.target().id());
            show(scraping.targets());
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return remove;
    }

    private void show(List<TargetStatus> targets) {
        latest = targets;
        String wanted = filter.getValue().trim().toLowerCase(Locale.ROOT);
        List<TargetStatus> shown = wanted.isEmpty() ? targets : targets.stream().filter(status -> matches(status, wanted)).toList();
        grid.setItems(shown);
        long up = targets.stream().filter(status -> status.health().state() == TargetHealth.State.UP).count();
        long down = targets.stream().filter(status -> status.health().state() == TargetHealth.State.DOWN).count();
        summary.setText(targets.isEmpty() ? "No targets. Add one below, configure headroom.scrape.jobs, or turn the demo fleet on."
                : targets.size() + (targets.size() == 1 ? " target · " : " targets · ") + up + " up · " + down + " down"
                        + (shown.size() == targets.size() ? "" : " · " + shown.size() + " shown"));
    }

    private static boolean matches(TargetStatus status, String wanted) {
        ScrapeTarget target = status.target();
        return target.job().toLowerCase(Locale.ROOT).contains(wanted)
                || target.url().toString().toLowerCase(Locale.ROOT).contains(wanted)
                || labelText(target).toLowerCase(Locale.ROOT).contains(wanted)
                || status.health().lastError().toLowerCase(Locale.ROOT).contains(wanted);
    }
}
