package io.headroom.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a first start (no user at all) creates {@code admin} with the password from
 * {@code headroom.security.admin-password} ({@code HEADROOM_ADMIN_PASSWORD}), or a random one
 * printed once in the log. Several instances starting together on one new database create it once.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final long CREATE_LOCK = 0x4845_4144_5553_4552L; // "HEADUSER"

    private final Users users;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String configured;

    FirstAdministrator(Users users, JdbcClient jdbc, TransactionTemplate transactions,
            @Value("${headroom.security.admin-password:}") String configured) {
        this.users = users;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CREATE_LOCK).query().singleRow();
            if (users.any()) {
                return;
            }
            if (!configured.isEmpty() && configured.length() < Users.MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("headroom.security.admin-password (HEADROOM_ADMIN_PASSWORD) must have at least "
                        + Users.MIN_PASSWORD_LENGTH + " characters");
            }
            String password = configured.isEmpty() ? randomPassword() : configured;
            users.insert("admin", password, Role.ADMIN, "headroom");
            if (configured.isEmpty()) {
                log.warn("""

                        ************************************************************
                        First start: created user 'admin' with password {}
                        It is shown only this once; sign in and change it under Users.
                        ************************************************************""", password);
            } else {
                log.info("First start: created user 'admin' with the password from headroom.security.admin-password");
            }
        });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
