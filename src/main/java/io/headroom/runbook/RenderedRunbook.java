package io.headroom.runbook;

import java.util.List;

/** A runbook with its Markdown rendered to sanitised HTML, and its steps (the items of its first numbered list). */
public record RenderedRunbook(Runbook runbook, String html, List<String> steps) {
}
