package dev.vigil.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.logging.RequestIdFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Web conventions for every module's controllers, and one error surface: every answer of 400 or more is
 * problem+json whose {@code status} is the HTTP status, from Spring MVC ({@link ProblemDetailsAdvice}), the filters
 * ({@link ProblemWriter}), the error path ({@link ProblemErrorController}) and Tomcat itself
 * ({@link ProblemReportValve}).
 * <p>
 * Before Spring MVC's own configuration, so that {@link ProblemDetailsAdvice} is the application's
 * {@code ResponseEntityExceptionHandler} (with {@code spring.mvc.problemdetails.enabled} Spring Boot would otherwise
 * add its own, ordered first, whose bodies name no field) and the strict JSON converter replaces Spring Boot's; before
 * the error page's, whose {@code BasicErrorController} backs off for ours.
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
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

    /** Inside the request id and the observation, so the one ERROR line has the id and the 500 is counted. */
    @Bean
    FilterRegistrationBean<UnhandledFailureFilter> unhandledFailureFilter(ObjectMapper json) {
        FilterRegistrationBean<UnhandledFailureFilter> registration =
                new FilterRegistrationBean<>(new UnhandledFailureFilter(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Outside the request's work, so an error answered without a body gets a problem on its way out. */
    @Bean
    FilterRegistrationBean<EmptyErrorBodyFilter> emptyErrorBodyFilter(ObjectMapper json) {
        FilterRegistrationBean<EmptyErrorBodyFilter> registration =
                new FilterRegistrationBean<>(new EmptyErrorBodyFilter(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BlankAcceptFilter> blankAcceptFilter() {
        FilterRegistrationBean<BlankAcceptFilter> registration = new FilterRegistrationBean<>(new BlankAcceptFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Before security and before anything that could read a body as parameters (docs/api-conventions.md#errors). */
    @Bean
    FilterRegistrationBean<UnsupportedBodyFilter> unsupportedBodyFilter(ObjectMapper json) {
        FilterRegistrationBean<UnsupportedBodyFilter> registration =
                new FilterRegistrationBean<>(new UnsupportedBodyFilter(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(ObjectMapper json) {
        return new ProblemErrorController(new ProblemWriter(json));
    }

    /** Tomcat's own error page, for requests it refuses before any web application sees them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorReports {

        /** After Spring Boot's customizer, which puts its own {@link ErrorReportValve} on the host. */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(TomcatServletWebServerFactory factory) {
                    factory.addContextCustomizers(context -> useProblemReports((Host) context.getParent()));
                }
            };
        }

        private static void useProblemReports(Host host) {
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            // the host adds an ErrorReportValve of this class at start unless it finds one
            ((StandardHost) host).setErrorReportValveClass(ProblemReportValve.class.getName());
        }
    }
}
