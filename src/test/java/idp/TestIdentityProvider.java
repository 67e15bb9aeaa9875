package idp;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server with one client
 * ({@code headroom}) and two people, {@code ada} in the group {@code operators} and {@code bob}
 * in none. Outside {@code io.headroom}, so Headroom's component scan never finds it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class, SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class TestIdentityProvider {

    public static final String CLIENT_SECRET = "headroom-client-secret";
    public static final String PASSWORD = "idp-password";

    /** Runs the provider on port 9000 for Headroom on 8080, to try OIDC sign-in by hand. */
    public static void main(String[] args) {
        start(9000, "http://127.0.0.1:8080/login/oauth2/code/testidp");
    }

    /** @param redirectUri where the provider may send people back to: Headroom's callback for this provider */
    public static ConfigurableApplicationContext start(int port, String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.headroom.";
        // As arguments, which outrank Headroom's application.properties on the same classpath.
        String[] arguments = Stream.of(
                "server.port=" + port, "server.address=127.0.0.1",
                // Cookies do not tell ports apart: with the default name this session would replace Headroom's.
                "server.servlet.session.cookie.name=IDPSESSION",
                "spring.main.banner-mode=off",
                "spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port,
                client + "registration.client-id=headroom",
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-authentication-methods[0]=client_secret_basic",
                client + "registration.authorization-grant-types[0]=authorization_code",
                client + "registration.redirect-uris[0]=" + redirectUri,
                client + "registration.scopes[0]=openid",
                client + "registration.scopes[1]=profile",
                client + "require-authorization-consent=false").map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(TestIdentityProvider.class).run(arguments);
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(User.withUsername("ada").password("{noop}" + PASSWORD).roles("USER").build(),
                User.withUsername("bob").password("{noop}" + PASSWORD).roles("USER").build());
    }

    /** The ID token names the person and lists their groups, as Keycloak or Okta can be told to. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groups() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                String name = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", name).claim("groups", name.equals("ada") ? List.of("operators") : List.of());
            }
        };
    }
}
