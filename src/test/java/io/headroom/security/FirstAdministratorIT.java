package io.headroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.headroom.HeadroomIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A first start on a database without users: {@code admin} is created with a random password,
 * printed once in the log, that signs in. Run inside a transaction rolled back at the end, so the
 * shared test Headroom keeps its own administrator.
 */
@HeadroomIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorIT {

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEmptyDatabaseGetsAnAdministratorWithARandomPasswordShownOnce(CapturedOutput output) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM users").update();

            new FirstAdministrator(users, jdbc, transactions, "").run(null);

            Matcher printed = Pattern.compile("created user 'admin' with password (\\S+)").matcher(output.getOut());
            assertThat(printed.find()).as("the password is in the log").isTrue();
            String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = 'admin' AND role = 'ADMIN'").query(String.class).single();
            assertThat(hash).startsWith("{bcrypt}").doesNotContain(printed.group(1));
            assertThat(passwords.matches(printed.group(1), hash)).isTrue();
            assertThat(printed.group(1)).hasSizeGreaterThanOrEqualTo(Users.MIN_PASSWORD_LENGTH);

            // A second start finds a user and leaves everything as it is.
            new FirstAdministrator(users, jdbc, transactions, "").run(null);
            assertThat(jdbc.sql("SELECT count(*) FROM users").query(Integer.class).single()).isEqualTo(1);
            status.setRollbackOnly();
        });
    }
}
