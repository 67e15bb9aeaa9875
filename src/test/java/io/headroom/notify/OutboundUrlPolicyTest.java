package io.headroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF list of issue 7, each refused with nothing allowed. Names resolve through a table here
 * (no DNS server runs in tests): {@code internal.example} to a private address,
 * {@code hooks.example} to a public one.
 */
class OutboundUrlPolicyTest {

    private static final OutboundUrlPolicy POLICY = new OutboundUrlPolicy(List.of(), OutboundUrlPolicyTest::resolve);

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "internal.example" -> new InetAddress[] {InetAddress.getByName("10.1.2.3")};
            case "mixed.example" -> new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("192.168.0.9")};
            case "hooks.example" -> new InetAddress[] {InetAddress.getByName("93.184.215.14")};
            default -> InetAddress.getAllByName(host);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://localhost:8080/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
            "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://127.1/",
            "http://internal.example/hook", "http://mixed.example/hook", "http://10.0.0.1/", "http://172.16.5.4/",
            "http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
            "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
            "file:///etc/passwd", "gopher://hooks.example:70/_x", "ftp://hooks.example/", "javascript:alert(1)",
            "https://user:pass@hooks.example/", "http://hooks.example@127.0.0.1/", "http://127.0.0.1#@hooks.example/",
            "hooks.example/no-scheme", "http:///path-only"})
    void refuses(String url) {
        assertThatThrownBy(() -> POLICY.check(url)).as(url).isInstanceOf(OutboundUrlPolicy.RefusedUrl.class);
    }

    @Test
    void explainsWhy() {
        assertThatThrownBy(() -> POLICY.check("http://169.254.169.254/")).hasMessageContaining("resolves to 169.254.169.254")
                .hasMessageContaining("headroom.notify.allow-private");
        assertThatThrownBy(() -> POLICY.check("http://2130706433/")).hasMessageContaining("2130706433");
        assertThatThrownBy(() -> POLICY.check("gopher://hooks.example/")).hasMessageContaining("must be http or https");
        assertThatThrownBy(() -> POLICY.check("https://a:b@hooks.example/")).hasMessageContaining("user info");
    }

    @Test
    void letsPublicAddressesAndAllowedNetworksThrough() {
        assertThat(POLICY.check("https://hooks.example/alerts?team=ops").getHost()).isEqualTo("hooks.example");
        assertThat(POLICY.check("http://93.184.215.14:9093/").getPort()).isEqualTo(9093);
        var loopbackAllowed = new OutboundUrlPolicy(List.of("127.0.0.0/8", "::1/128"), OutboundUrlPolicyTest::resolve);
        assertThat(loopbackAllowed.check("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
        assertThat(loopbackAllowed.check("http://[::1]:9000/hook").getPort()).isEqualTo(9000);
        assertThatThrownBy(() -> loopbackAllowed.check("http://169.254.169.254/")).as("only what is allowed")
                .isInstanceOf(OutboundUrlPolicy.RefusedUrl.class);
    }

    @Test
    void letsExactlyTheTrustedDemoPagerThrough() {
        var policy = new OutboundUrlPolicy(List.of(), OutboundUrlPolicyTest::resolve);
        policy.trust(java.net.URI.create("http://127.0.0.1:8080/api/v1/demo/pager"));
        assertThat(policy.check("http://127.0.0.1:8080/api/v1/demo/pager").getPath()).isEqualTo("/api/v1/demo/pager");
        for (String other : List.of("http://127.0.0.1:8081/api/v1/demo/pager", "http://127.0.0.1:8080/api/v1/users",
                "http://127.0.0.1:8080/api/v1/demo/pager/../../users", "http://localhost:8080/api/v1/demo/pager",
                "http://127.0.0.1:8080/api/v1/demo/pager?x=1", "http://u@127.0.0.1:8080/api/v1/demo/pager")) {
            assertThatThrownBy(() -> policy.check(other)).as(other).isInstanceOf(OutboundUrlPolicy.RefusedUrl.class);
        }
    }
}
