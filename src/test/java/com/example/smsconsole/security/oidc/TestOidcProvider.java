package com.example.smsconsole.security.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the end-to-end test: Spring Authorization Server in its own
 * small Spring context (no auto-configuration, so none of the console's) on embedded Tomcat on a
 * free port of localhost, with one registered client for the console and people whose ID tokens
 * carry a {@code groups} claim. It serves discovery, authorization (with Spring Security's login
 * form), token, JWKS, user info and RP-initiated logout ({@code /connect/logout}).
 */
final class TestOidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "sms-console";
    static final String CLIENT_SECRET = "console-secret";
    static final String PASSWORD = "provider-password";

    /** The people at the provider and their groups. */
    static final Map<String, List<String>> PEOPLE = Map.of(
            "tess", List.of("everyone", "sms-testers"),
            "olivia", List.of("everyone", "marketing"));

    private final AnnotationConfigServletWebServerApplicationContext context;
    private final SecurityContextHolderStrategy previousStrategy;

    private TestOidcProvider(AnnotationConfigServletWebServerApplicationContext context, SecurityContextHolderStrategy previousStrategy) {
        this.context = context;
        this.previousStrategy = previousStrategy;
    }

    /** Starts the provider for a console that answers at {@code consoleBaseUrl} under registration {@code registrationId}. */
    static TestOidcProvider start(String consoleBaseUrl, String registrationId) {
        // The console started after the provider installs Vaadin's strategy as the JVM-wide one; the
        // provider's filters, built before, must keep using the same holder as its static callers.
        SecurityContextHolderStrategy previous = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(new FollowingStrategy());
        var context = new AnnotationConfigServletWebServerApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-oidc-provider",
                Map.of("provider.console-base-url", consoleBaseUrl, "provider.registration-id", registrationId)));
        context.register(ProviderConfig.class);
        context.refresh();
        return new TestOidcProvider(context, previous);
    }

    /** The issuer, which is also where discovery starts. */
    String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    /** Stops the provider and gives the JVM back the security context strategy it had before. */
    @Override
    public void close() {
        context.close();
        SecurityContextHolder.setContextHolderStrategy(previousStrategy);
    }

    /** Whatever strategy is the JVM-wide one at the time of the call (its own thread-local while it is that one). */
    static final class FollowingStrategy implements SecurityContextHolderStrategy {

        private final ThreadLocal<SecurityContext> own = new ThreadLocal<>();

        private @Nullable SecurityContextHolderStrategy current() {
            SecurityContextHolderStrategy global = SecurityContextHolder.getContextHolderStrategy();
            return global == this ? null : global;
        }

        @Override
        public void clearContext() {
            var current = current();
            if (current != null) {
                current.clearContext();
            } else {
                own.remove();
            }
        }

        @Override
        public SecurityContext getContext() {
            var current = current();
            if (current != null) {
                return current.getContext();
            }
            SecurityContext context = own.get();
            if (context == null) {
                context = createEmptyContext();
                own.set(context);
            }
            return context;
        }

        @Override
        public void setContext(SecurityContext context) {
            var current = current();
            if (current != null) {
                current.setContext(context);
            } else {
                own.set(context);
            }
        }

        @Override
        public SecurityContext createEmptyContext() {
            return new SecurityContextImpl();
        }
    }

    /** A test configuration, so the console's component scan (which sees test classes) leaves it out. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class ProviderConfig {

        @Bean
        TomcatServletWebServerFactory webServerFactory() {
            var factory = new TomcatServletWebServerFactory("", 0);
            factory.getSettings().setRegisterDefaultServlet(true);
            // the console also runs on localhost: its session cookie must not be overwritten by the provider's
            factory.getSettings().getSession().getCookie().setName("PROVIDER_SESSION");
            return factory;
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(PEOPLE.keySet().stream()
                    .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("USER").build())
                    .toList());
        }

        @Bean
        RegisteredClientRepository clients(Environment environment) {
            String console = environment.getRequiredProperty("provider.console-base-url");
            String registrationId = environment.getRequiredProperty("provider.registration-id");
            var client = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri(console + "/login/oauth2/code/" + registrationId)
                    .postLogoutRedirectUri(console + "/login")
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(client);
        }

        /** The groups claim (and preferred_username) in every ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupsClaim() {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    String name = context.getPrincipal().getName();
                    context.getClaims().claim("groups", PEOPLE.getOrDefault(name, List.of()));
                    context.getClaims().claim("preferred_username", name);
                }
            };
        }

        @Bean
        JWKSource<com.nimbusds.jose.proc.SecurityContext> keys() throws NoSuchAlgorithmException {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** Checks the access tokens that the user info endpoint is called with. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<com.nimbusds.jose.proc.SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
