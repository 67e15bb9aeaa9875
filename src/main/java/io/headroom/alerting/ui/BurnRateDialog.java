package io.headroom.alerting.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.headroom.alerting.AlertRule;
import io.headroom.alerting.AlertRules;
import io.headroom.kpi.Slos;

/** Makes the SRE workbook's page and ticket burn-rate rules for one service's SLO. */
final class BurnRateDialog extends Dialog {

    static final String DEFAULT_RUNBOOK = "/runbooks/error-budget-burn?service={{ $labels.service }}";

    BurnRateDialog(AlertRules rules, Slos slos, Runnable created) {
        setHeaderTitle("Burn-rate rules from an SLO");
        List<String> services = slos.statuses().keySet().stream().sorted().toList();
        var service = new Select<String>();
        service.setLabel("Service");
        service.setItems(services);
        service.setEmptySelectionAllowed(false);
        if (!services.isEmpty()) {
            service.setValue(services.get(0));
        }
        var runbook = new TextField("Runbook URL", DEFAULT_RUNBOOK, "");
        runbook.setWidthFull();
        var explain = new Paragraph(services.isEmpty() ? "No service has an SLO yet: set one on its service page first."
                : "Two rules: a critical page when 2 % of the error budget goes in an hour (or 5 % in six), "
                        + "a warning ticket at 10 % in a day (or three days).");
        add(new VerticalLayout(explain, service, runbook));
        var create = new Button("Create rules", click -> {
            try {
                List<AlertRule> made = rules.createBurnRateRules(service.getValue(), runbook.getValue());
                Notification.show("Created " + String.join(" and ", made.stream().map(AlertRule::name).toList()), 4_000,
                        Notification.Position.BOTTOM_START);
                close();
                created.run();
            } catch (IllegalArgumentException | AlertRules.NameTaken e) {
                runbook.setErrorMessage(e.getMessage());
                runbook.setInvalid(true);
            }
        });
        create.setEnabled(!services.isEmpty());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    /** Creates {@code service}'s rules with the default runbook at once: the service page's one click. */
    static List<AlertRule> createFor(AlertRules rules, String service) {
        return rules.createBurnRateRules(service, DEFAULT_RUNBOOK);
    }
}
