package io.headroom.alerting;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** When a rule's alerts hold: a KPI against a threshold, or an SLO burning its budget too fast. */
public sealed interface RuleCondition permits RuleCondition.Threshold, RuleCondition.BurnRate {

    Duration MIN_WINDOW = Duration.ofMinutes(1);
    Duration MAX_WINDOW = Duration.ofDays(1);

    /** Whether the rule covers this service. */
    boolean covers(String service);

    /**
     * {@code kpi} of every service whose whole name matches {@code servicePattern} (a regular
     * expression, as Prometheus's {@code =~} matches labels), over the last {@code window}, compared
     * with {@code threshold}.
     */
    record Threshold(String servicePattern, AlertKpi kpi, Comparison comparison, double threshold, Duration window)
            implements RuleCondition {

        public Threshold {
            if (servicePattern == null || servicePattern.isBlank()) {
                throw new IllegalArgumentException("service must be a service name or a regular expression such as 'checkout|cart' or '.*'");
            }
            try {
                Pattern.compile(servicePattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("service is not a valid regular expression: " + e.getDescription());
            }
            if (kpi == null || comparison == null) {
                throw new IllegalArgumentException("a threshold rule needs kpi and comparison");
            }
            if (!Double.isFinite(threshold)) {
                throw new IllegalArgumentException("threshold must be a finite number");
            }
            if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException("window must be between 1m and 1d, was " + window);
            }
        }

        @Override
        public boolean covers(String service) {
            return Pattern.compile(servicePattern).matcher(service).matches();
        }
    }

    /** The service's SLO reaching {@code level} in the multiwindow, multi-burn-rate method. */
    record BurnRate(String service, BurnLevel level) implements RuleCondition {

        public BurnRate {
            if (service == null || service.isBlank()) {
                throw new IllegalArgumentException("a burn-rate rule needs the service whose SLO it follows");
            }
            if (level == null) {
                throw new IllegalArgumentException("burnLevel must be page or ticket");
            }
        }

        @Override
        public boolean covers(String candidate) {
            return service.equals(candidate);
        }
    }
}
