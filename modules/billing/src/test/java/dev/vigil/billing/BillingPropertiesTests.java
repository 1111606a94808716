package dev.vigil.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

class BillingPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(AnnotationConfigApplicationContext.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BillingProperties.class)
    static class Properties {
    }

    @Test
    void defaultsRunEveryMinuteWithThreeDaysNoticeAndGrace() {
        context.run(ctx -> assertThat(ctx.getBean(BillingProperties.class).lifecycle())
                .isEqualTo(new BillingProperties.Lifecycle(true, Duration.ofMinutes(1), Duration.ofDays(3),
                        Duration.ofDays(3), 200)));
    }

    @Test
    void aBadSettingStopsStartUpNamingTheProperty() {
        context.withPropertyValues("vigil.billing.lifecycle.batch-size=0").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("lifecycle.batchSize"));
        context.withPropertyValues("vigil.billing.lifecycle.interval=0s").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("lifecycle.interval"));
        context.withPropertyValues("vigil.billing.lifecycle.renewal-grace=-1h").run(ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("lifecycle.renewalGrace"));
        assertThat(logs.messages(Level.WARN)).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("cancelling refresh attempt", "prefix=vigil.billing"));
    }
}
