package io.headroom.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The audit log as CSV (RFC 4180). A cell a spreadsheet would take for a formula (starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading
 * apostrophe, as OWASP advises, so an actor or service name cannot run in the reader's sheet.
 */
public final class AuditCsv {

    static final List<String> HEADER = List.of("id", "at", "actor", "address", "action", "service", "parameters", "outcome", "detail",
            "completed_at");

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, Writer out) {
        try {
            line(out, HEADER);
            for (AuditEntry entry : entries) {
                line(out, List.of(String.valueOf(entry.id()), entry.at().toString(), text(entry.actor()), text(entry.address()),
                        entry.action(), text(entry.service()), entry.parametersJson(), entry.outcome().name(), text(entry.detail()),
                        entry.completedAt() == null ? "" : entry.completedAt().toString()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
