package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import io.headroom.HeadroomApplication;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Both database paths, each with a whole Headroom: the embedded one keeps its data across restarts; an external one is used when configured. */
class DatabaseLifecycleIT {

    @Test
    void embeddedDatabaseKeepsDataAcrossRestarts() throws IOException {
        Path dataDir = Files.createDirectories(Path.of("target", "it-pgdata", "restart-" + UUID.randomUUID()));
        String service = TestObjects.uniqueService("durable");
        try (var first = start("--headroom.db.embedded.data-dir=" + dataDir)) {
            assertThat(first.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
            var jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).as("durable commits").isEqualTo("on");
            assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
            sendSpan(first, service);
        }
        try (var second = start("--headroom.db.embedded.data-dir=" + dataDir)) {
            assertThat(spans(second, service)).as("span stored before the restart").isEqualTo(1);
        }
    }

    @Test
    void externalDatabaseIsUsedWhenConfigured() throws SQLException {
        Assumptions.assumeTrue(listening("127.0.0.1", 5432),
                "No PostgreSQL listens on 127.0.0.1:5432 on this machine; the external-database path is not tested here.");
        String database = "headroom_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (var connection = DriverManager.getConnection(admin, "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        try {
            String service = TestObjects.uniqueService("external");
            try (var context = start("--headroom.db.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                    "--headroom.db.user=postgres", "--headroom.db.password=")) {
                assertThat(context.getBeansOfType(EmbeddedPostgres.class)).as("no embedded server started").isEmpty();
                sendSpan(context, service);
            }
            try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
                    var result = connection.createStatement().executeQuery(
                            "SELECT count(*) FROM spans WHERE service_name = '" + service + "'")) {
                result.next();
                assertThat(result.getLong(1)).as("the span is in the external database").isEqualTo(1);
            }
        } finally {
            try (var connection = DriverManager.getConnection(admin, "postgres", "")) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--headroom.otlp.port=0";
        all[2] = "--headroom.demo.enabled=false";
        System.arraycopy(args, 0, all, 3, args.length);
        return new SpringApplicationBuilder(HeadroomApplication.class).run(all);
    }

    private static void sendSpan(ConfigurableApplicationContext context, String service) {
        int port = context.getBean(OtlpPort.class).port();
        var request = TestObjects.traces(service, TestObjects.serverSpan("GET /", TestObjects.nowNanos(), 1_000_000));
        var response = OtlpClient.post("http://127.0.0.1:" + port + "/v1/traces", "application/x-protobuf", null, request.toByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(spans(context, service)).isEqualTo(1);
    }

    private static long spans(ConfigurableApplicationContext context, String service) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM spans WHERE service_name = ?")
                .param(service).query(Long.class).single();
    }

    private static boolean listening(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
