package io.headroom.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    @Test
    void rendersStepsTablesAndLinksToHeadroomPages() {
        Markdown.Rendered rendered = Markdown.render("""
                # High p99 latency

                1. Open the [service page](/services/cart) and check **saturation**.
                2. Scale out: `POST /api/v1/services/cart/scale`
                   with two more instances.
                3. If p99 stays high, see [the database runbook](https://wiki.example/db).

                | Signal | Threshold |
                |---|---|
                | p99 | 300 ms |
                """);
        assertThat(rendered.steps()).containsExactly("Open the service page and check saturation.",
                "Scale out: POST /api/v1/services/cart/scale with two more instances.",
                "If p99 stays high, see the database runbook.");
        assertThat(rendered.html()).contains("<h1>High p99 latency</h1>")
                .contains("<a href=\"/services/cart\" rel=\"noopener noreferrer nofollow\">service page</a>")
                .contains("<a href=\"https://wiki.example/db\" rel=\"noopener noreferrer nofollow\">")
                .contains("<code>POST /api/v1/services/cart/scale</code>")
                .contains("<td>300 ms</td>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "![x](https://tracker.example/pixel.png)",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](https://ok.example \"title\" onmouseover=alert(1))"
    })
    void leavesNothingThatRunsOrFetches(String markdown) {
        // Escaped text such as "&lt;img onerror=...&gt;" is harmless; what matters is the elements and attributes a browser would build.
        Document html = Jsoup.parseBodyFragment(Markdown.render(markdown).html());
        assertThat(html.select("script, img, iframe, object, embed, style, [style]")).isEmpty();
        for (Element element : html.body().getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(element.outerHtml()).doesNotStartWith("on");
                assertThat(attribute.getValue().toLowerCase().replaceAll("\\s", "")).as(element.outerHtml())
                        .doesNotStartWith("javascript:").doesNotStartWith("data:");
            }
        }
    }
}
