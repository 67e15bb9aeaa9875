package io.headroom.runbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.headroom.alerting.RunbookSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells alerting which runbook a {@code runbook_url} names: a Headroom path
 * ({@code /runbooks/high-latency?service=cart}) or, when {@code headroom.public-url} is set, the
 * same path under that address (as Alertmanager-sent alerts carry it).
 */
@Component
class RunbookLinks implements RunbookSource {

    private static final Pattern PATH = Pattern.compile("/runbooks/([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:[?#].*)?");

    private final Runbooks runbooks;
    private final String publicUrl;

    RunbookLinks(Runbooks runbooks, @Value("${headroom.public-url:}") String publicUrl) {
        this.runbooks = runbooks;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public Optional<InlineRunbook> find(String runbookUrl) {
        if (runbookUrl == null) {
            return Optional.empty();
        }
        String path = !publicUrl.isEmpty() && runbookUrl.startsWith(publicUrl + "/") ? runbookUrl.substring(publicUrl.length())
                : runbookUrl;
        return slugOf(path).flatMap(runbooks::find).map(runbooks::render).map(r -> new InlineRunbook(r.runbook().slug(),
                r.runbook().title(), r.runbook().owner(), r.html(), r.runbook().version(), r.runbook().path()));
    }

    /** The slug of a Headroom runbook path, with or without query. */
    static Optional<String> slugOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(path);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
