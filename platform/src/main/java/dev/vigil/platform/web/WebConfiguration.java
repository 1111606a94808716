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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Web conventions for every module's controllers. Before Spring MVC's own configuration, so that
 * {@link ProblemDetailsAdvice} is the application's {@code ResponseEntityExceptionHandler} (with
 * {@code spring.mvc.problemdetails.enabled} Spring Boot would otherwise add its own, ordered first, whose bodies name no
 * field) and the strict JSON converter replaces Spring Boot's.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class})
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties(AdmissionProperties.class)
public class WebConfiguration {

    /**
     * Reads request bodies strictly ({@link StrictJson}); writes as Spring Boot's converter would (only reading
     * settings differ from the application's mapper).
     */
    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(ObjectMapper json) {
        return new MappingJackson2HttpMessageConverter(StrictJson.strict(json.copy()));
    }

    /** Unknown query parameter names and every wrong parameter value of a request: one 400 ({@link QueryParameterCheck}). */
    @Bean
    WebMvcConfigurer queryParameterCheck(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        QueryParameterCheck check = new QueryParameterCheck(() -> adapter.getObject().getArgumentResolvers());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(check);
            }
        };
    }

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
