package dev.vigil.app.warmup;

import dev.vigil.platform.security.JwtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code vigil.warmup.enabled=true} (the production profile), warms the hot paths once the web server listens and
 * before readiness: Spring Boot runs the application runners, then publishes {@code ApplicationReadyEvent} and only then
 * {@code ReadinessState.ACCEPTING_TRAFFIC}, so a load balancer sends no user here until the warm-up is over.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WarmupProperties.class)
@ConditionalOnProperty(name = "vigil.warmup.enabled", havingValue = "true")
class WarmupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WarmupConfiguration.class);

    @Bean
    HotPathWarmup hotPathWarmup(WarmupProperties settings, JwtProperties jwt) {
        return new HotPathWarmup(settings, jwt);
    }

    /** Without a web server of its own (a mock-web test) there is nothing to warm. */
    @Bean
    ApplicationRunner hotPathWarmupBeforeReadiness(HotPathWarmup warmup, ApplicationContext context) {
        return arguments -> {
            if (context instanceof WebServerApplicationContext web && web.getWebServer() != null
                    && web.getWebServer().getPort() > 0) {
                WarmupReport report = warmup.run(web.getWebServer().getPort());
                log.info("event=warmup_done requests={} statuses=\"{}\" took_ms={} budget_spent={} first_failure=\"{}\"",
                        report.requests(), report.statuses(), report.took().toMillis(), report.budgetSpent(),
                        report.firstFailure());
            }
        };
    }
}
