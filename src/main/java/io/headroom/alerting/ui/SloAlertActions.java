package io.headroom.alerting.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.headroom.alerting.AlertRule;
import io.headroom.alerting.AlertRules;
import io.headroom.alerting.RuleCondition;
import io.headroom.kpi.Slos;
import io.headroom.ui.ServiceActions;

/**
 * On the page of a service with an SLO: its burn-rate rules, or for administrators the one click
 * that makes them (the SRE workbook's page and ticket alerts, linked to the error-budget runbook).
 */
@org.springframework.stereotype.Component
class SloAlertActions implements ServiceActions {

    private final AlertRules rules;
    private final Slos slos;
    private final AuthenticationContext authentication;

    SloAlertActions(AlertRules rules, Slos slos, AuthenticationContext authentication) {
        this.rules = rules;
        this.slos = slos;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> actionsFor(String service) {
        if (slos.find(service).isEmpty()) {
            return Optional.empty();
        }
        List<String> existing = burnRateRules(service);
        if (!existing.isEmpty()) {
            return Optional.of(link(existing));
        }
        if (!authentication.hasRole("ADMIN")) {
            return Optional.empty();
        }
        var area = new HorizontalLayout();
        var create = new Button("Alert on error budget burn");
        create.addClickListener(click -> {
            try {
                BurnRateDialog.createFor(rules, service);
                area.removeAll();
                area.add(link(burnRateRules(service)));
            } catch (IllegalArgumentException | AlertRules.NameTaken e) {
                Notification.show(e.getMessage(), 5_000, Notification.Position.BOTTOM_START);
            }
        });
        area.add(create);
        return Optional.of(area);
    }

    private List<String> burnRateRules(String service) {
        return rules.all().stream()
                .filter(rule -> rule.condition() instanceof RuleCondition.BurnRate burn && burn.service().equals(service))
                .map(AlertRule::name).toList();
    }

    private static Component link(List<String> names) {
        var text = new Span("Burn-rate alerts: ");
        var layout = new HorizontalLayout(text, new Anchor("alerts/rules", String.join(", ", names)));
        layout.setSpacing(false);
        layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return layout;
    }
}
