package io.headroom.chaos.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.headroom.chaos.Chaos;
import io.headroom.chaos.Experiment;
import io.headroom.chaos.ExperimentJson;
import io.headroom.chaos.ExperimentRun;
import io.headroom.chaos.Experiments;
import io.headroom.chaos.KillSwitchState;
import io.headroom.chaos.RunReport;
import io.headroom.chaos.RunReportMarkdown;
import io.headroom.chaos.RunReports;
import io.headroom.chaos.RunStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Experiments, their runs and reports, the kill switch and proposed steady states over HTTP. */
@RestController
@RequestMapping("/api/v1")
class ExperimentController {

    private final Experiments experiments;
    private final RunReports reports;

    ExperimentController(Experiments experiments, RunReports reports) {
        this.experiments = experiments;
        this.reports = reports;
    }

    record ExperimentsResponse(List<ExperimentJson> experiments) {
    }

    record RunsResponse(List<RunJson> runs) {
    }

    record KillSwitchRequest(Boolean engaged, String reason) {
    }

    record KillSwitchResponse(KillSwitchState state, List<RunJson> aborted) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refusal(String error, String message, Long run) {
    }

    @GetMapping("/chaos/experiments")
    ExperimentsResponse list() {
        return new ExperimentsResponse(experiments.all().stream().map(ExperimentJson::of).toList());
    }

    @GetMapping("/chaos/experiments/{id}")
    ExperimentJson get(@PathVariable long id) {
        return experiments.find(id).map(ExperimentJson::of).orElseThrow(() -> notFound("experiment", id));
    }

    @PostMapping("/chaos/experiments")
    ResponseEntity<ExperimentJson> create(@RequestBody ExperimentJson body) {
        Experiment created = experiments.create(read(body));
        return ResponseEntity.created(URI.create("/api/v1/chaos/experiments/" + created.id())).body(ExperimentJson.of(created));
    }

    @PutMapping("/chaos/experiments/{id}")
    ExperimentJson update(@PathVariable long id, @RequestBody ExperimentJson body) {
        return experiments.update(id, read(body)).map(ExperimentJson::of).orElseThrow(() -> notFound("experiment", id));
    }

    @DeleteMapping("/chaos/experiments/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!experiments.delete(id)) {
            throw notFound("experiment", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** 201 with the running run; 409 with the recorded run when a guard or the steady state refused it. */
    @PostMapping("/chaos/experiments/{id}/runs")
    ResponseEntity<?> start(@PathVariable long id) {
        ExperimentRun run = experiments.start(id);
        if (run.status() == RunStatus.REFUSED) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new Refusal("refused", run.endReason(), run.id()));
        }
        return ResponseEntity.created(URI.create("/api/v1/chaos/runs/" + run.id()))
                .body(RunJson.of(run, experiments.events(run.id())));
    }

    @GetMapping("/chaos/runs")
    RunsResponse runs(@RequestParam(required = false) String service, @RequestParam(required = false) Long experiment,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        return new RunsResponse(experiments.runs(service, experiment, limit).stream().map(run -> RunJson.of(run, null)).toList());
    }

    @GetMapping("/chaos/runs/{id}")
    RunJson run(@PathVariable long id) {
        return experiments.run(id).map(run -> RunJson.of(run, experiments.events(id))).orElseThrow(() -> notFound("run", id));
    }

    @PostMapping("/chaos/runs/{id}/abort")
    RunJson abort(@PathVariable long id) {
        return experiments.abort(id).map(run -> RunJson.of(run, experiments.events(id))).orElseThrow(() -> notFound("run", id));
    }

    @GetMapping("/chaos/runs/{id}/report")
    ReportJson report(@PathVariable long id) {
        return reports.report(id).map(ReportJson::of).orElseThrow(() -> notFound("run", id));
    }

    @GetMapping(value = "/chaos/runs/{id}/report.md")
    ResponseEntity<String> markdown(@PathVariable long id) {
        RunReport report = reports.report(id).orElseThrow(() -> notFound("run", id));
        return ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chaos-run-" + id + ".md\"")
                .body(RunReportMarkdown.of(report));
    }

    @GetMapping("/chaos/kill-switch")
    KillSwitchState killSwitch() {
        return experiments.killSwitch();
    }

    @PostMapping("/chaos/kill-switch")
    KillSwitchResponse setKillSwitch(@RequestBody KillSwitchRequest body) {
        if (body == null || body.engaged() == null) {
            throw new IllegalArgumentException("body must be {\"engaged\": true, \"reason\": \"…\"} or {\"engaged\": false}");
        }
        if (body.engaged()) {
            List<RunJson> aborted = experiments.engageKillSwitch(body.reason()).stream().map(run -> RunJson.of(run, null)).toList();
            return new KillSwitchResponse(experiments.killSwitch(), aborted);
        }
        return new KillSwitchResponse(experiments.releaseKillSwitch(), List.of());
    }

    @GetMapping("/services/{service}/chaos/steady-state")
    ProposalJson proposal(@PathVariable String service) {
        return ProposalJson.of(experiments.proposal(service));
    }

    private static Experiment read(ExperimentJson body) {
        if (body == null) {
            throw new IllegalArgumentException(ExperimentJson.BODY);
        }
        return body.toExperiment().validated();
    }

    private static NoSuchElementException notFound(String what, long id) {
        return new NoSuchElementException("no " + what + " with id " + id);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", e.getMessage()));
    }

    @ExceptionHandler(Experiments.AlreadyRunning.class)
    ResponseEntity<Refusal> alreadyRunning(Experiments.AlreadyRunning e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Refusal("already_running", e.getMessage(), e.runId()));
    }

    @ExceptionHandler(Experiments.NameTaken.class)
    ResponseEntity<Refusal> nameTaken(Experiments.NameTaken e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Refusal("conflict", e.getMessage(), null));
    }

    @ExceptionHandler(Chaos.KillSwitchEngaged.class)
    ResponseEntity<Refusal> killSwitchEngaged(Chaos.KillSwitchEngaged e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Refusal("kill_switch", e.getMessage(), null));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", ExperimentJson.BODY + " with numbers where numbers go"));
    }
}
