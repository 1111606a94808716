package dev.vigil.app.loadtest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Only under the {@code loadtest} profile: opens {@code /loadtest/**} so the saturation simulation can
 * compare the dashboard with a fixed response served by the same Tomcat, filters and JVM. A bearer token,
 * when sent, is still verified like on {@code /api/**}, so both endpoints pay the same token check; without
 * one the request is let through. The normal security chain stays untouched and still denies these paths
 * in every other profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("loadtest")
class LoadTestProfileConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE) // must be consulted before the catch-all chain that denies /loadtest/**
    SecurityFilterChain loadTestSecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/loadtest/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // the same filters as the API's chain (SecurityConfiguration), so the fixed endpoint costs what /api/** does
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .servletApi(servletApi -> servletApi.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .build();
    }
}
