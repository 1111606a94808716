package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DatabasePropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Binding.class);

    @Test
    void defaultsAreTheDocumentedOnes() {
        runner.run(context -> {
            DatabaseProperties properties = context.getBean(DatabaseProperties.class);
            assertThat(properties.url()).isEqualTo("jdbc:postgresql://localhost:5432/vigil");
            assertThat(properties.statementTimeout()).hasSeconds(5);
            DatabaseProperties.Pool pool = properties.pool();
            assertThat(pool.maximumPoolSize()).isEqualTo(20);
            assertThat(pool.minimumIdle()).isEqualTo(20);
            assertThat(pool.connectionTimeout()).hasSeconds(2);
            assertThat(pool.maxLifetime()).hasMinutes(30);
            assertThat(pool.keepaliveTime()).hasMinutes(2);
        });
    }

    @Test
    void rejectsMinimumIdleAboveMaximumNamingTheProperty() {
        runner.withPropertyValues("vigil.db.pool.maximum-pool-size=10", "vigil.db.pool.minimum-idle=11")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("vigil.db.pool.minimum-idle"));
    }

    @Test
    void rejectsKeepaliveShorterThanThirtySeconds() {
        runner.withPropertyValues("vigil.db.pool.keepalive-time=10s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("vigil.db.pool.keepalive-time"));
    }

    @Test
    void rejectsSocketTimeoutThatWouldUndercutTheStatementTimeout() {
        runner.withPropertyValues("vigil.db.statement-timeout=30s", "vigil.db.socket-timeout=10s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("vigil.db.socket-timeout"));
    }

    @Test
    void rejectsAPoolLargerThanTheCap() {
        runner.withPropertyValues("vigil.db.pool.maximum-pool-size=500")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("maximumPoolSize"));
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(DatabaseProperties.class)
    static class Binding {
    }
}
