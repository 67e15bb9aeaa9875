package io.headroom.alerting;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.headroom.audit.Audited;
import io.headroom.kpi.Slos;
import io.headroom.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Alert rules: read by anyone signed in, changed by administrators, every change audited. */
@Service
public class AlertRules {

    /** A rule with that name exists already. */
    public static final class NameTaken extends RuntimeException {
        NameTaken(String name) {
            super("a rule named '" + name + "' exists already", null, false, false);
        }
    }

    private final AlertRuleRecords records;
    private final Slos slos;
    private final Clock clock;

    AlertRules(AlertRuleRecords records, Slos slos, Clock clock) {
        this.records = records;
        this.slos = slos;
        this.clock = clock;
    }

    public List<AlertRule> all() {
        return records.all();
    }

    public Optional<AlertRule> find(long id) {
        return records.find(id);
    }

    /** @throws NameTaken when another rule has its name */
    @PreAuthorize(Roles.ADMIN)
    @Audited("alerting.rule-create")
    public AlertRule create(AlertRule rule) {
        try {
            return rule.withId(records.insert(rule, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new NameTaken(rule.name());
        }
    }

    /** @return empty when no rule has the id */
    @PreAuthorize(Roles.ADMIN)
    @Audited("alerting.rule-update")
    public Optional<AlertRule> update(long id, AlertRule rule) {
        AlertRule withId = rule.withId(id);
        try {
            return records.update(withId, clock.instant()) ? Optional.of(withId) : Optional.empty();
        } catch (DuplicateKeyException e) {
            throw new NameTaken(rule.name());
        }
    }

    /** Deletes the rule and its alerts. @return whether it existed */
    @PreAuthorize(Roles.ADMIN)
    @Audited("alerting.rule-delete")
    public boolean delete(long id) {
        return records.delete(id);
    }

    /**
     * The SRE workbook's two burn-rate alerts for a service's SLO: a page (critical) when it burns
     * 2 % of its budget in an hour or 5 % in six, a ticket (warning) at 10 % in a day or three.
     * Burn rates are already multiwindow (each long window confirmed by a short one), so the
     * alerts fire without a {@code for}.
     *
     * @throws IllegalArgumentException when the service has no SLO
     */
    @PreAuthorize(Roles.ADMIN)
    @Audited("alerting.rule-create-burn-rate")
    @Transactional
    public List<AlertRule> createBurnRateRules(String service, String runbookUrl) {
        if (slos.find(service).isEmpty()) {
            throw new IllegalArgumentException("'" + service + "' has no SLO: define one first");
        }
        var created = new ArrayList<AlertRule>();
        for (BurnLevel level : BurnLevel.values()) {
            String name = identifier(service) + (level == BurnLevel.PAGE ? "ErrorBudgetBurnFast" : "ErrorBudgetBurnSlow");
            var annotations = new java.util.TreeMap<String, String>();
            annotations.put("summary", "{{ $labels.service }} is spending its error budget "
                    + (level == BurnLevel.PAGE ? "fast" : "steadily") + " (burn rate {{ $value | humanize }})");
            annotations.put("description", level == BurnLevel.PAGE
                    ? "At this rate the SLO's whole budget is gone within days: 2 % of it in the last hour, or 5 % in six."
                    : "10 % of the SLO's budget went in the last day or three days.");
            if (runbookUrl != null && !runbookUrl.isBlank()) {
                annotations.put(AlertRule.RUNBOOK_URL, runbookUrl.trim());
            }
            AlertRule rule = new AlertRule(null, name, new RuleCondition.BurnRate(service, level),
                    new AlertTiming(Duration.ZERO, Duration.ZERO), Map.of(), annotations, true);
            try {
                created.add(rule.withId(records.insert(rule, clock.instant())));
            } catch (DuplicateKeyException e) {
                throw new NameTaken(name);
            }
        }
        return created;
    }

    /** {@code checkout-api} → {@code CheckoutApi}: a service name as the start of an alert name. */
    static String identifier(String service) {
        var out = new StringBuilder();
        for (String word : service.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, "Service");
        }
        return out.toString();
    }
}
