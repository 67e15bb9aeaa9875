package io.headroom.runbook;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Runbook Markdown to HTML that is safe to put in a page. CommonMark escapes raw HTML and drops
 * {@code javascript:}-style link targets; jsoup then keeps only an allow-list of tags and
 * attributes, so a mistake in either still leaves no script. Images are not kept: a runbook
 * should not make every reader's browser fetch from elsewhere.
 */
final class Markdown {

    /** A runbook rendered: its HTML, and the items of its first numbered list (its steps). */
    record Rendered(String html, List<String> steps) {
    }

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
            .build();
    // Relative links (to other runbooks, to Headroom's pages) resolve against this and stay relative.
    private static final String BASE = "https://headroom.invalid/";

    private Markdown() {
    }

    static Rendered render(String markdown) {
        Node document = PARSER.parse(markdown);
        String html = Jsoup.clean(RENDERER.render(document), BASE, safelist());
        return new Rendered(html, steps(document));
    }

    private static Safelist safelist() {
        return Safelist.relaxed().removeTags("img").preserveRelativeLinks(true)
                .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");
    }

    private static List<String> steps(Node document) {
        var steps = new ArrayList<String>();
        document.accept(new AbstractVisitor() {
            private boolean done;

            @Override
            public void visit(OrderedList list) {
                if (done) {
                    return;
                }
                done = true;
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    var text = new StringBuilder();
                    item.accept(new AbstractVisitor() {
                        @Override
                        public void visit(Text node) {
                            text.append(node.getLiteral());
                        }

                        @Override
                        public void visit(Code node) {
                            text.append(node.getLiteral());
                        }

                        @Override
                        public void visit(SoftLineBreak node) {
                            text.append(' ');
                        }
                    });
                    steps.add(text.toString().strip());
                }
            }
        });
        return steps;
    }
}
