package dev.vigil.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.logging.RequestIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Web conventions for every module's controllers.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties(AdmissionProperties.class)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before anything that logs or runs SQL
        return registration;
    }

    /**
     * Inside the request id (a 503 carries one) and Spring's {@code http.server.requests} observation (its
     * timings include the wait for a turn), outside security and everything that does the request's work.
     */
    @Bean
    FilterRegistrationBean<AdmissionFilter> admissionFilter(AdmissionProperties settings, ObjectMapper json,
            MeterRegistry meters) {
        FilterRegistrationBean<AdmissionFilter> registration =
                new FilterRegistrationBean<>(new AdmissionFilter(settings, new ProblemWriter(json), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
