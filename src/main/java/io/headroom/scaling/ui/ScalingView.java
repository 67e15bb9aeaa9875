package io.headroom.scaling.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.api.ApiParameters;
import io.headroom.scaling.Backtests;
import io.headroom.scaling.Scaling;
import io.headroom.scaling.ScalingDecision;
import io.headroom.scaling.ScalingEvaluation;
import io.headroom.scaling.ScalingPolicies;
import io.headroom.scaling.ScalingPolicy;
import io.headroom.ui.DeleteDialog;
import io.headroom.ui.Formats;
import io.headroom.ui.LiveRefresh;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/**
 * Autoscaling: every policy (operators create, edit and delete them) and, for the one picked,
 * its evaluations live, each with what it decided and why; a row opens the full explanation.
 */
@PermitAll
@Route(value = "scaling", layout = MainLayout.class)
@PageTitle("Scaling · Headroom")
@Menu(title = "Scaling", order = 11)
public class ScalingView extends VerticalLayout {

    private static final Duration REFRESH = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ScalingPolicies policies;
    private final Backtests backtests;
    private final Scaling scaling;
    private final Clock clock;
    private final boolean operator;
    private final Grid<ScalingPolicy> policyGrid = new Grid<>();
    private final Grid<ScalingEvaluation> evaluationGrid = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final H3 evaluationsTitle = new H3("Evaluations");
    private final LiveRefresh.Handle refresh;
    private String selected;

    public ScalingView(ScalingPolicies policies, Backtests backtests, Scaling scaling, LiveRefresh live, AuthenticationContext authentication,
            Clock clock) {
        this.backtests = backtests;
        this.policies = policies;
        this.scaling = scaling;
        this.clock = clock;
        this.operator = authentication.hasRole("OPERATOR");
        add(new H2("Scaling"));
        if (operator) {
            var create = new Button("New policy", click -> new PolicyDialog(policies, backtests, clock, unpoliced(), null, this::reload).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        configurePolicies();
        configureEvaluations();
        add(summary, policyGrid, evaluationsTitle, evaluationGrid);
        setWidthFull();
        refresh = live.whileAttached(this, REFRESH, this::evaluations, evaluationGrid::setItems);
        reload();
    }

    private List<ScalingEvaluation> evaluations() {
        if (selected == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return policies.evaluations(selected, now.minus(Duration.ofHours(1)), now, false, 200);
    }

    /** The scheduled floors and the forecast floor, in words. */
    private static String floors(ScalingPolicy p) {
        var floors = new ArrayList<String>();
        p.schedules().forEach(s -> floors.add("≥" + s.minInstances() + " from " + s.cron() + " " + s.zone() + " for "
                + ApiParameters.durationText(s.duration())));
        if (p.predictive() != null) {
            floors.add("forecast " + ApiParameters.durationText(p.predictive().lead()) + " ahead at "
                    + Formats.number(p.predictive().requestsPerInstance()) + " req/s per instance (season "
                    + ApiParameters.durationText(p.predictive().season()) + ")");
        }
        return String.join("; ", floors);
    }

    private void configurePolicies() {
        policyGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        policyGrid.addColumn(ScalingPolicy::service).setHeader("Service").setAutoWidth(true).setKey("service");
        policyGrid.addColumn(p -> p.metric().key() + " at " + Formats.number(p.target()) + (p.metric().unit().isEmpty() ? "" : " "
                + p.metric().unit()) + " ±" + Formats.number(p.tolerance() * 100) + " %").setHeader("Tracks").setAutoWidth(true)
                .setKey("tracks");
        policyGrid.addColumn(p -> p.minInstances() + "–" + p.maxInstances()).setHeader("Instances").setAutoWidth(true).setKey("bounds");
        policyGrid.addColumn(p -> "down after " + ApiParameters.durationText(p.scaleDown().stabilizationWindow())
                + (p.cooldown().isZero() ? "" : " · cooldown " + ApiParameters.durationText(p.cooldown()))
                + (p.excludeChaos() ? " · holds during faults" : "")).setHeader("Damping").setFlexGrow(2).setKey("damping");
        policyGrid.addColumn(ScalingView::floors).setHeader("Floors").setFlexGrow(2).setKey("schedules");
        policyGrid.addColumn(p -> !p.enabled() ? "disabled" : scaling.runs(p.service()) ? "evaluated"
                : "not evaluated: no scale target runs " + p.service()).setHeader("Status").setAutoWidth(true).setKey("status");
        if (operator) {
            policyGrid.addColumn(LitRenderer.<ScalingPolicy>of("""
                    <vaadin-button theme="small tertiary" aria-label="Edit the policy for ${item.service}" @click=${edit}>Edit</vaadin-button>
                    <vaadin-button theme="small tertiary error" aria-label="Delete the policy for ${item.service}" @click=${remove}>Delete</vaadin-button>""")
                    .withProperty("service", ScalingPolicy::service)
                    .withFunction("edit", p -> new PolicyDialog(policies, backtests, clock, List.of(p.service()), p, this::reload).open())
                    .withFunction("remove", p -> DeleteDialog.open("the policy for " + p.service(),
                            "The service keeps the instances it has; its evaluations are deleted with the policy.", () -> {
                                policies.delete(p.id());
                                reload();
                            })))
                    .setHeader("").setWidth("10em").setFlexGrow(0).setKey("actions");
        }
        policyGrid.setAllRowsVisible(true);
        policyGrid.setWidthFull();
        policyGrid.addItemClickListener(click -> select(click.getItem().service()));
    }

    private void configureEvaluations() {
        evaluationGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        evaluationGrid.addColumn(e -> TIME.format(e.decision().at())).setHeader("At (UTC)").setAutoWidth(true).setKey("at");
        evaluationGrid.addColumn(e -> e.decision().metricValue() == null ? "–" : Formats.number(round(e.decision().metricValue())))
                .setHeader("Metric").setAutoWidth(true).setKey("metric");
        evaluationGrid.addColumn(e -> e.decision().ratio() == null ? "–" : Formats.number(round(e.decision().ratio())))
                .setHeader("Ratio").setAutoWidth(true).setKey("ratio");
        evaluationGrid.addColumn(e -> e.decision().current() + " → " + e.decision().desired()).setHeader("Instances").setAutoWidth(true)
                .setKey("instances");
        evaluationGrid.addColumn(ScalingView::outcome).setHeader("Decision").setFlexGrow(3).setKey("decision");
        evaluationGrid.addColumn(LitRenderer.<ScalingEvaluation>of("<a href='scaling/evaluations/${item.id}'>why?</a>")
                .withProperty("id", ScalingEvaluation::id)).setHeader("").setAutoWidth(true).setKey("why");
        evaluationGrid.setHeight("24rem");
        evaluationGrid.setWidthFull();
    }

    private static String outcome(ScalingEvaluation evaluation) {
        ScalingDecision d = evaluation.decision();
        if (evaluation.error() != null) {
            return "failed: " + evaluation.error();
        }
        String action = switch (d.action()) {
            case SCALE_UP -> "scaled up";
            case SCALE_DOWN -> "scaled down";
            case NONE -> d.heldBy() != null ? "held: " + d.heldBy() : d.withinTolerance() ? "within tolerance" : "no change";
        };
        if (d.limitedBy() != null) {
            action += " (capped by " + d.limitedBy() + ")";
        }
        if (d.action() == ScalingDecision.Action.NONE && d.stabilized() != d.recommended() && d.heldBy() == null) {
            action = "window kept " + d.stabilized() + " (recommended " + d.recommended() + ")";
        }
        return action;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private List<String> unpoliced() {
        var taken = policies.all().stream().map(ScalingPolicy::service).collect(Collectors.toSet());
        return scaling.services().stream().filter(service -> !taken.contains(service)).sorted().toList();
    }

    private void select(String service) {
        selected = service;
        evaluationsTitle.setText("Evaluations of " + service + "'s policy (last hour)");
        refresh.now();
    }

    private void reload() {
        List<ScalingPolicy> all = policies.all();
        policyGrid.setItems(all);
        policyGrid.recalculateColumnWidths();
        summary.setText(all.isEmpty() ? "No policies yet: services keep the instances they are given."
                : (all.size() == 1 ? "1 policy" : all.size() + " policies") + " · pick one to see its evaluations");
        if (selected == null && !all.isEmpty()) {
            select(all.get(0).service());
        }
    }
}
