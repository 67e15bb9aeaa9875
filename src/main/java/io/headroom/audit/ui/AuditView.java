package io.headroom.audit.ui;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.headroom.audit.AuditCsv;
import io.headroom.audit.AuditEntry;
import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import io.headroom.audit.AuditQuery;
import io.headroom.ui.MainLayout;
import io.headroom.ui.SearchFields;
import io.headroom.ui.TimeControls;
import io.headroom.ui.TimeRange;
import io.headroom.ui.UrlFilters;
import jakarta.annotation.security.PermitAll;

/**
 * The audit log, newest first, filtered by time, actor, action, service and outcome (all in the
 * URL); read only, with the same entries as CSV. Entries are text: parameters as their JSON.
 */
@PermitAll
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · Headroom")
@Menu(title = "Audit", order = 20)
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    private static final TimeRange DEFAULT_RANGE = TimeRange.last(Duration.ofDays(1));
    private static final int LIMIT = 500;
    private static final List<String> FILTERS = List.of("actor", "action", "service", "outcome");
    private static final String ANY = "any";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final AuditLog log;
    private final Clock clock;
    private final TimeControls timeControls;
    private final TextField actor = new TextField("Actor");
    private final TextField action = new TextField("Action");
    private final TextField service = new TextField("Service");
    private final Select<String> outcome = new Select<>();
    private final Span summary = new Span();
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Anchor download = new Anchor();
    private TimeControls.Choice choice = new TimeControls.Choice(DEFAULT_RANGE, null);

    public AuditView(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
        setSizeFull();
        timeControls = new TimeControls(clock, picked -> navigate(picked, filters()));
        action.setPlaceholder("chaos. or scaling.scale");
        outcome.setLabel("Outcome");
        outcome.setItems(ANY, "done", "failed", "denied", "started");
        outcome.setValue(ANY);
        SearchFields.searchOnEnter(() -> navigate(choice, filters()), actor, action, service);
        var search = new Button("Search", click -> navigate(choice, filters()));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        download.setText("Download CSV");
        download.getElement().setAttribute("download", true);
        var filters = new HorizontalLayout(actor, action, service, outcome, search, download);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        summary.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        summary.getElement().setAttribute("data-audit-summary", "");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(entry -> TIME.format(entry.at())).setHeader("Time (UTC)").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(entry -> entry.address() == null ? "" : entry.address()).setHeader("Address").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setWidth("10rem").setFlexGrow(0);
        grid.addColumn(entry -> entry.service() == null ? "" : entry.service()).setHeader("Service").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(AuditEntry::parametersJson).setHeader("Parameters").setFlexGrow(3).setTooltipGenerator(AuditEntry::parametersJson);
        grid.addColumn(entry -> entry.outcome().name().toLowerCase(Locale.ROOT)).setHeader("Outcome").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(entry -> entry.detail() == null ? "" : entry.detail()).setHeader("Detail").setFlexGrow(1)
                .setTooltipGenerator(entry -> entry.detail() == null ? "" : entry.detail());
        grid.getElement().setAttribute("data-audit", "");
        add(new H2("Audit"), timeControls, filters, summary, grid);
    }

    private Map<String, String> filters() {
        var filters = new LinkedHashMap<String, String>();
        UrlFilters.putIfSet(filters, "actor", actor.getValue());
        UrlFilters.putIfSet(filters, "action", action.getValue());
        UrlFilters.putIfSet(filters, "service", service.getValue());
        if (!ANY.equals(outcome.getValue())) {
            filters.put("outcome", outcome.getValue());
        }
        return filters;
    }

    private void navigate(TimeControls.Choice picked, Map<String, String> filters) {
        getUI().ifPresent(ui -> ui.navigate(AuditView.class, UrlFilters.query(picked, filters)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        choice = TimeControls.Choice.fromQuery(event.getLocation().getQueryParameters(), DEFAULT_RANGE, null);
        timeControls.show(choice);
        Map<String, String> filters = UrlFilters.read(event.getLocation().getQueryParameters(), FILTERS);
        actor.setValue(filters.getOrDefault("actor", ""));
        action.setValue(filters.getOrDefault("action", ""));
        service.setValue(filters.getOrDefault("service", ""));
        String wanted = filters.getOrDefault("outcome", ANY);
        outcome.setValue(List.of("done", "failed", "denied", "started").contains(wanted) ? wanted : ANY);
        show(filters);
    }

    private void show(Map<String, String> filters) {
        Instant now = clock.instant();
        AuditOutcome wanted = ANY.equals(outcome.getValue()) ? null : AuditOutcome.valueOf(outcome.getValue().toUpperCase(Locale.ROOT));
        var query = new AuditQuery(choice.range().start(now), choice.range().end(now), filters.get("actor"), filters.get("action"),
                filters.get("service"), wanted, LIMIT);
        List<AuditEntry> entries = log.search(query);
        grid.setItems(entries);
        summary.setText(entries.isEmpty() ? "No entry matches in this range."
                : entries.size() == LIMIT ? "The newest " + LIMIT + " entries; narrow the filters or download all as CSV"
                : entries.size() + (entries.size() == 1 ? " entry" : " entries"));
        var all = new AuditQuery(query.from(), query.to(), query.actor(), query.action(), query.service(), query.outcome(),
                AuditQuery.MAX_LIMIT);
        download.setHref(new StreamResource("headroom-audit.csv", () -> {
            var csv = new StringWriter();
            AuditCsv.write(log.search(all), csv);
            return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
        }));
    }
}
