package io.headroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.cell("checkout")).isEqualTo("checkout");
        assertThat(AuditCsv.cell("a, b")).isEqualTo("\"a, b\"");
    }

    @Test
    void anEntryIsOneRecordUnderTheHeader() {
        var entry = new AuditEntry(7, Instant.parse("2026-12-06T08:00:00Z"), "=cmd", "127.0.0.1", "scaling.scale", "checkout",
                "{\"desired\": 2, \"service\": \"checkout\"}", AuditOutcome.DONE, null, Instant.parse("2026-12-06T08:00:01Z"));
        var out = new StringWriter();

        AuditCsv.write(List.of(entry), out);

        assertThat(out.toString()).isEqualTo("id,at,actor,address,action,service,parameters,outcome,detail,completed_at\r\n"
                + "7,2026-12-06T08:00:00Z,'=cmd,127.0.0.1,scaling.scale,checkout,\"{\"\"desired\"\": 2, \"\"service\"\": \"\"checkout\"\"}\","
                + "DONE,,2026-12-06T08:00:01Z\r\n");
    }
}
