package io.headroom.explore.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad parameters are 400 and an absent trace 404, each in Jaeger's envelope with a message that says what to fix. */
@HeadroomIntegrationTest
class JaegerQueryBadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/api/traces| parameter 'service' is required",
            "/api/traces?operation=GET| parameter 'service' is required",
            "/api/traces?service=s&start=yesterday| unable to parse param 'start': unix microseconds expected, was 'yesterday'",
            "/api/traces?service=s&end=1.5| unable to parse param 'end': unix microseconds expected, was '1.5'",
            "/api/traces?service=s&start=-1| 'start' must not be negative, was -1",
            "/api/traces?service=s&start=2000&end=1000| 'start' must not be after 'end'",
            "/api/traces?service=s&lookback=hour| cannot parse lookback: invalid duration \"hour\" (a duration such as 1h, 90m or 2d)",
            "/api/traces?service=s&lookback=-1h| 'lookback' must be longer than zero, was '-1h'",
            "/api/traces?service=s&minDuration=abc| cannot parse minDuration: invalid duration \"abc\" (a duration such as 1.2s, 100ms or 500us)",
            "/api/traces?service=s&maxDuration=100| cannot parse maxDuration: missing unit in duration \"100\" (a duration such as 1.2s, 100ms or 500us)",
            "/api/traces?service=s&minDuration=3d| cannot parse minDuration: unknown unit \"d\" in duration \"3d\" (a duration such as 1.2s, 100ms or 500us)",
            "/api/traces?service=s&minDuration=-5ms| 'minDuration' must not be negative, was '-5ms'",
            "/api/traces?service=s&minDuration=2s&maxDuration=1s| 'maxDuration' should be greater than 'minDuration'",
            "/api/traces?service=s&limit=ten| unable to parse param 'limit': a whole number expected, was 'ten'",
            "/api/traces?service=s&limit=1501| 'limit' must be 0 to 1500 (0 means 20), was 1501",
            "/api/traces?service=s&limit=-1| 'limit' must be 0 to 1500 (0 means 20), was -1",
            "/api/traces?service=s&tag=error| malformed 'tag' parameter, expecting key:value, received: error",
            "/api/traces?service=s&tags=[1]| `malformed 'tags' parameter, expecting a JSON object such as {\"error\":\"true\"}, received: [1]`",
            "/api/traces?service=s&tags={\"a\":{\"b\":1}}| malformed 'tags' parameter, the value of 'a' is not text",
            "/api/traces?traceID=xyz| cannot parse traceID param: trace id must be 1 to 32 hexadecimal characters, was 'xyz'",
            "/api/traces/xyz| trace id must be 1 to 32 hexadecimal characters, was 'xyz'",
            "/api/traces/4bf92f3577b34da6a3ce929d0e0e47361| trace id must be 1 to 32 hexadecimal characters, was '4bf92f3577b34da6a3ce929d0e0e47361'",
            "/api/operations| parameter 'service' is required",
            "/api/operations?service=s&spanKind=SPAN_KIND_SERVER| 'spanKind' must be one of internal, server, client, producer, consumer, was 'SPAN_KIND_SERVER'",
            "/api/dependencies?endTs=now| unable to parse param 'endTs': milliseconds expected, was 'now'",
            "/api/dependencies?lookback=-5| unable to parse param 'lookback': milliseconds expected, was '-5'",
            "/api/dependencies?lookback=0| 'lookback' must be a positive number of milliseconds, was 0",
    })
    void badParametersAre400InTheEnvelope(String path, String message) throws Exception {
        JsonApi.Answer answer = new JsonApi(port).get(encodeQuery(path));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(JSON.readTree("""
                {"data": null, "total": 0, "limit": 0, "offset": 0, "errors": [{"code": 400, "msg": %s}]}"""
                .formatted(JSON.writeValueAsString(message))));
    }

    @Test
    void malformedJsonTagsSayWhy() {
        JsonApi.Answer answer = new JsonApi(port).get(encodeQuery("/api/traces?service=s&tags={\"a\":"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().at("/errors/0/msg").asText()).startsWith("malformed 'tags' parameter, cannot unmarshal JSON: ");
    }

    @Test
    void anAbsentTraceIs404InTheEnvelope() throws Exception {
        JsonApi.Answer answer = new JsonApi(port).get("/api/traces/00000000000000000000000000abcdef");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(JSON.readTree("""
                {"data": null, "total": 0, "limit": 0, "offset": 0, "errors": [{"code": 404, "msg": "trace not found"}]}"""));
    }

    @Test
    void postingToTheTracesPathIsStillJaegerIngest() {
        var response = OtlpClient.post("http://127.0.0.1:" + port + "/api/traces", "application/json", null, "{}".getBytes());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("Content-Type must be application/x-thrift");
    }

    /** Encodes each query value as a client would; the test table keeps them readable. */
    private static String encodeQuery(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return path;
        }
        var encoded = new StringBuilder(path.substring(0, query + 1));
        for (String pair : path.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            encoded.append(encoded.charAt(encoded.length() - 1) == '?' ? "" : "&").append(pair, 0, equals + 1)
                    .append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }
}
