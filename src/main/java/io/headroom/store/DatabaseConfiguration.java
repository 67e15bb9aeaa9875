package io.headroom.store;

import java.io.IOException;
import java.nio.file.Files;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the PostgreSQL server: the one named by {@code headroom.db.url}, or an embedded one
 * started from real PostgreSQL binaries so a fresh machine needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${headroom.db.url:}'.isBlank()")
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres(DatabaseProperties properties) throws IOException {
            var embedded = properties.embedded();
            Files.createDirectories(embedded.dataDir());
            log.info("Starting embedded PostgreSQL with data in {}", embedded.dataDir().toAbsolutePath());
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(embedded.dataDir())
                    .setCleanDataDirectory(false)
                    // Spring closes this bean after ingestion has drained; the library's own JVM hook
                    // would stop PostgreSQL in parallel with that and fail the last batches.
                    .setRegisterShutdownHook(false)
                    // The library defaults suit throwaway test databases (its -F turns fsync off, and it
                    // turns synchronous_commit off); a 2xx from Headroom promises durability, so both go back on.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "60")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min");
            if (embedded.port() > 0) {
                builder.setPort(embedded.port());
            }
            return builder.start();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres postgres,
                @Value("${spring.datasource.hikari.maximum-pool-size:12}") int poolSize) {
            return pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, poolSize);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${headroom.db.url:}'.isBlank()")
    static class External {

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(DatabaseProperties properties,
                @Value("${spring.datasource.hikari.maximum-pool-size:12}") int poolSize) {
            log.info("Using external PostgreSQL at {}", properties.url());
            return pool(properties.url(), properties.user(), properties.password(), poolSize);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        var config = new HikariConfig();
        config.setPoolName("headroom");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

}
