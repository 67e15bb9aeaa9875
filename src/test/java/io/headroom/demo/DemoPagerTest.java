package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DemoPagerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DemoPager pager = new DemoPager(Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsAlertmanagersPayloadAndAcknowledgesWithTheRunbook() throws Exception {
        var page = pager.receive(JSON.readTree("""
                {"version": "4", "status": "firing", "alerts": [
                  {"status": "firing", "labels": {"alertname": "HighP99Latency", "service": "billing"},
                   "annotations": {"summary": "billing p99 is 520 ms", "runbook_url": "http://127.0.0.1:8080/runbooks/high-latency?service=billing"}},
                  {"status": "firing", "labels": {"alertname": "HighP99Latency", "service": "billing", "instance": "b"}, "annotations": {}}]}"""),
                "msg_1");
        assertThat(page.webhookId()).isEqualTo("msg_1");
        assertThat(page.alerts()).hasSize(2);
        assertThat(page.alerts().get(1).runbookUrl()).isNull();
        assertThat(page.acknowledgement()).isEqualTo("paged: HighP99Latency firing on billing and 1 more; "
                + "runbook http://127.0.0.1:8080/runbooks/high-latency?service=billing");
        assertThat(pager.recent()).containsExactly(page);
    }

    @Test
    void keepsTheLastHundredNewestFirst() throws Exception {
        for (int i = 0; i < DemoPager.KEPT + 5; i++) {
            pager.receive(JSON.readTree("{\"alerts\": []}"), "msg_" + i);
        }
        assertThat(pager.recent()).hasSize(DemoPager.KEPT);
        assertThat(pager.recent().get(0).webhookId()).isEqualTo("msg_104");
        assertThat(pager.recent().get(0).acknowledgement()).isEqualTo("paged: nothing (no alerts in the body)");
    }

    @Test
    void refusesABodyWithoutAlerts() throws Exception {
        assertThatThrownBy(() -> pager.receive(JSON.readTree("{\"text\": \"hi\"}"), null)).hasMessageContaining("alerts list");
    }
}
