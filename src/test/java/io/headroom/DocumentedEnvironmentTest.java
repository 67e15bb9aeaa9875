package io.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every environment variable the README's configuration table names reaches its property, as
 * Spring Boot binds it with application.properties: found when HEADROOM_ADMIN_PASSWORD, named in
 * the README and docker-compose.yml, set nothing (relaxed binding reads
 * HEADROOM_SECURITY_ADMINPASSWORD for headroom.security.admin-password).
 */
class DocumentedEnvironmentTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\(`(HEADROOM_[A-Z0-9_]+)`\\)", Pattern.MULTILINE);

    @Test
    void everyDocumentedVariableSetsItsProperty() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("README.md")));
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented).as("the README's configuration table").containsKey("headroom.security.admin-password");

        documented.forEach((property, variable) -> {
            var environment = new StandardEnvironment();
            environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "from-" + variable)));
            try {
                new PropertiesPropertySourceLoader().load("application", new ClassPathResource("application.properties"))
                        .forEach(environment.getPropertySources()::addLast);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ConfigurationPropertySources.attach(environment);
            assertThat(Binder.get(environment).bind(property, String.class).orElse(null)).as("%s sets %s", variable, property)
                    .isEqualTo("from-" + variable);
        });
    }
}
