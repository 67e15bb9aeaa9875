package io.headroom.scaling.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.headroom.scaling.ScalingDecision;
import io.headroom.scaling.ScalingEvaluation;
import io.headroom.scaling.ScalingPolicies;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.PermitAll;

/** One evaluation of a scaling policy, step by step: why it did, or did not, scale. */
@PermitAll
@Route(value = "scaling/evaluations", layout = MainLayout.class)
public class EvaluationView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ScalingPolicies policies;
    private String title = "Scaling evaluation · Headroom";

    public EvaluationView(ScalingPolicies policies) {
        this.policies = policies;
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        var found = policies.evaluation(id);
        if (found.isEmpty()) {
            add(new H2("No such evaluation"), new Paragraph("Evaluations are kept 7 days."), new Anchor("scaling", "Scaling"));
            return;
        }
        ScalingEvaluation evaluation = found.get();
        ScalingDecision d = evaluation.decision();
        String heading = switch (d.action()) {
            case SCALE_UP, SCALE_DOWN -> "Why " + d.service() + " scaled " + d.current() + " → " + d.desired();
            case NONE -> "Why " + d.service() + " stayed at " + d.current();
        };
        title = heading + " · Headroom";
        var steps = new OrderedList();
        d.steps().forEach(step -> steps.add(new ListItem(step)));
        add(new H2(heading), new Paragraph("Evaluated at " + TIME.format(d.at()) + " UTC by its autoscaling policy"
                + (evaluation.error() == null ? (evaluation.applied() ? "; the change went through." : ".")
                        : "; the scale target refused the change: " + evaluation.error())), steps,
                new Anchor("services/" + d.service(), d.service() + "'s page"), new Anchor("scaling", "All policies"));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
