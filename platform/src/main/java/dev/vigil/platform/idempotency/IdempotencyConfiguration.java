package dev.vigil.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.web.ProblemWriter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * {@code Idempotency-Key} on every command under /api and /internal, right after authentication (the key
 * belongs to the token's subject).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
public class IdempotencyConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(JdbcClient jdbc) {
        return new IdempotencyStore(jdbc);
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, IdempotencyProperties properties,
            ObjectMapper json) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(store, properties, new ProblemWriter(json), Clock.systemUTC()));
        registration.addUrlPatterns("/api/*", "/internal/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    IdempotencySweeper idempotencySweeper(IdempotencyStore store, IdempotencyProperties properties) {
        return new IdempotencySweeper(store, properties, Clock.systemUTC());
    }
}
