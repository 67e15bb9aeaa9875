package io.headroom.chaos.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.headroom.chaos.RunReport;

/** A run's report as the API shows it: durations in seconds, the run with its timeline. */
record ReportJson(RunJson run, RunReport.KpiWindow before, RunReport.KpiWindow during, RunReport.KpiWindow after,
        Double detectedAfterSeconds, List<AlertJson> alerts, List<RunReport.ScalingReaction> scaling, Double extraCost) {

    record AlertJson(String name, String severity, Instant firedAt, double afterStartSeconds, String fingerprint) {
    }

    static ReportJson of(RunReport report) {
        return new ReportJson(RunJson.of(report.run(), report.timeline()), report.before(), report.during(), report.after(),
                seconds(report.detectedAfter()),
                report.alerts().stream().map(a -> new AlertJson(a.name(), a.severity(), a.firedAt(), seconds(a.afterStart()),
                        a.fingerprint())).toList(),
                report.scaling(), report.extraCost());
    }

    private static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }
}
