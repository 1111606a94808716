package dev.vigil.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Stateless bearer-token security for every endpoint. Users reach /api/**, services /internal/**,
 * operators /admin/** and the actuator beyond health and metrics scraping; anything else is denied.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    private static final String SCOPE = "SCOPE_";

    @Bean
    JwtDecoder jwtDecoder(JwtProperties settings, Environment environment) {
        if (settings.usesDevelopmentSecret() && environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("The production profile refuses the development JWT secret: "
                    + "set VIGIL_JWT_SECRET to the secret the web app signs tokens with (docs/security.md)");
        }
        SecretKey key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(settings.clockSkew()),
                new JwtClaimValidator<>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(settings.audience())),
                new SingleScopeValidator(),
                new UserSubjectValidator()));
        return new VerifiedTokens(decoder, settings.clockSkew(), Clock.systemUTC());
    }

    /**
     * Spring Security 6.5's opt-in: the rules below match paths with PathPattern, once per rule, instead of
     * asking Spring MVC's HandlerMappingIntrospector which handler each request would reach (a per-request
     * cost the load-test profile showed, docs/performance.md). The rules are plain path prefixes, so the answers
     * are the same.
     */
    @Bean
    PathPatternRequestMatcher.Builder pathPatternRequestMatchers() {
        return PathPatternRequestMatcher.withDefaults();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization: with an
     * observation registry present, Spring Security wraps every filter of the chain in one, per request, and the
     * burst profile showed that as a large share of the service's CPU (docs/performance.md). Rejected requests
     * still show in {@code http.server.requests} by status.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain vigilSecurityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies, nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // a stateless API has no logout, no anonymous principal and no servlet login API to adapt: three
                // filters fewer on every request (an unauthenticated request still gets the entry point's 401)
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // the container's forward of an error already answered here (its status is set): rendered
                        // as it is; a request for /error itself is one more path that is denied
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the API's description is public: it says what exists, never what anyone has
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/**").hasAuthority(SCOPE + Scopes.USER)
                        .requestMatchers("/internal/**").hasAuthority(SCOPE + Scopes.INTERNAL)
                        .requestMatchers("/admin/**", "/actuator/**").hasAuthority(SCOPE + Scopes.ADMIN)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    /** Spring Security's chain without the handler lookup it runs first, for matchers Vigil does not use. */
    @Bean
    static UnwrapIntrospectorCache unwrapIntrospectorCache() {
        return new UnwrapIntrospectorCache();
    }

    /** The bearer token of the {@code Authorization} header, read without a regular expression ({@link BearerHeader}). */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        return new BearerHeader();
    }

    /** Spring Security's default firewall, with the same character rules checked faster ({@link FirewallCharacters}). */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters.NAMES);
        firewall.setAllowedHeaderValues(FirewallCharacters.HEADER_VALUES);
        firewall.setAllowedParameterNames(FirewallCharacters.NAMES);
        return firewall;
    }

    /**
     * A request Spring Security's firewall refuses ({@code //} or {@code ;jsessionid=} in the path, a header with
     * control characters): a 400 problem, where Spring Boot's own JSON answered. Spring Security uses the bean.
     */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ObjectMapper json) {
        return new ProblemResponses(json)::rejected;
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
