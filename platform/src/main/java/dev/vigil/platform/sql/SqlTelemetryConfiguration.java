package dev.vigil.platform.sql;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Per-request statement counting. (The DataSource proxy itself is built with the pool, in
 * {@code PoolingConfiguration}, so nothing can reach the pool around it.)
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SqlTelemetryConfiguration {

    @Bean
    FilterRegistrationBean<StatementsPerRequestFilter> statementsPerRequestFilter(MeterRegistry meters) {
        FilterRegistrationBean<StatementsPerRequestFilter> registration =
                new FilterRegistrationBean<>(new StatementsPerRequestFilter(meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // outermost: security's and idempotency's statements count too
        return registration;
    }
}
