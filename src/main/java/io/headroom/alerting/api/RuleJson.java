package io.headroom.alerting.api;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.AlertRule;
import io.headroom.alerting.AlertTiming;
import io.headroom.alerting.BurnLevel;
import io.headroom.alerting.Comparison;
import io.headroom.alerting.RuleCondition;
import io.headroom.api.ApiParameters;

/**
 * A rule as the API reads and writes it. A threshold rule gives {@code kpi}, {@code comparison},
 * {@code threshold} and {@code window}; a burn-rate rule gives {@code burnLevel}. {@code service}
 * is a regular expression for threshold rules, one service's name for burn-rate rules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuleJson(Long id, String name, String kind, String service, String kpi, String comparison, Double threshold,
        String window, @JsonProperty("for") String forDuration, String keepFiringFor, String burnLevel,
        Map<String, String> labels, Map<String, String> annotations, Boolean enabled) {

    static final String BODY = "body must be {\"name\": \"HighP99\", \"service\": \"checkout|cart\", \"kpi\": \"p99\", "
            + "\"comparison\": \">\", \"threshold\": 300, \"window\": \"5m\", \"for\": \"1m\", \"keepFiringFor\": \"0s\", "
            + "\"labels\": {\"severity\": \"warning\"}, \"annotations\": {\"summary\": \"...\", \"runbook_url\": \"...\"}} "
            + "or, following an SLO, {\"name\": ..., \"service\": \"checkout\", \"burnLevel\": \"page\"}";

    static RuleJson of(AlertRule rule) {
        String forText = ApiParameters.durationText(rule.timing().forDuration());
        String keep = ApiParameters.durationText(rule.timing().keepFiringFor());
        if (rule.condition() instanceof RuleCondition.Threshold t) {
            return new RuleJson(rule.id(), rule.name(), "threshold", t.servicePattern(), t.kpi().key(), t.comparison().symbol(),
                    t.threshold(), ApiParameters.durationText(t.window()), forText, keep, null, rule.labels(), rule.annotations(),
                    rule.enabled());
        }
        RuleCondition.BurnRate b = (RuleCondition.BurnRate) rule.condition();
        return new RuleJson(rule.id(), rule.name(), "burn_rate", b.service(), null, null, null, null, forText, keep,
                b.level().name().toLowerCase(java.util.Locale.ROOT), rule.labels(), rule.annotations(), rule.enabled());
    }

    /** @throws IllegalArgumentException or ApiParameters.BadParameter naming the field */
    AlertRule toRule() {
        RuleCondition condition;
        if (burnLevel != null) {
            if (kpi != null || comparison != null || threshold != null) {
                throw new IllegalArgumentException("a burn-rate rule (burnLevel) has no kpi, comparison or threshold");
            }
            condition = new RuleCondition.BurnRate(service, BurnLevel.of(burnLevel));
        } else {
            if (threshold == null) {
                throw new IllegalArgumentException("a threshold rule needs threshold (a number); " + BODY);
            }
            condition = new RuleCondition.Threshold(service, AlertKpi.of(kpi), Comparison.of(comparison), threshold,
                    window == null ? Duration.ofMinutes(5) : ApiParameters.duration("window", window));
        }
        return new AlertRule(null, name, condition, new AlertTiming(optional("for", forDuration), optional("keepFiringFor", keepFiringFor)),
                labels, annotations, enabled == null || enabled);
    }

    private static Duration optional(String field, String text) {
        return text == null ? Duration.ZERO : ApiParameters.durationOrZero(field, text);
    }
}
