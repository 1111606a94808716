package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.testing.ExpectedLogs;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/**
 * How the pool is configured, without a database: Spring Boot builds it from spring.datasource.* with Vigil's
 * defaults under everything a user sets, and every setting Vigil would not use stops start-up with its name.
 * (The pool as it runs, against PostgreSQL: {@link PoolingIntegrationTests}.)
 */
class DataSourceSettingsTests {

    private static final String URL = "spring.datasource.url=jdbc:postgresql://localhost:5432/vigil_settings";

    private final ApplicationContextRunner runner = runnerWith(Map.of());

    /**
     * The platform's pool with the given environment variables, which lie, as the operating system's do, above
     * Vigil's defaults and below everything else; the defaults are added as at start-up, after the variables.
     * (Spring Boot maps {@code SPRING_DATASOURCE_...} names only in a source named like the system environment.)
     */
    private static ApplicationContextRunner runnerWith(Map<String, Object> variables) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                        DataSourceAutoConfiguration.class, PoolingConfiguration.class))
                .withInitializer(context -> {
                    context.getEnvironment().getPropertySources()
                            .addLast(new SystemEnvironmentPropertySource("test-systemEnvironment", variables));
                    new DataSourceDefaultsEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
                            new SpringApplication());
                });
    }

    private static HikariDataSource pool(ConfigurableApplicationContext context) throws Exception {
        return context.getBean(DataSource.class).unwrap(HikariDataSource.class);
    }

    @Nested
    class Defaults {

        @Test
        void theUnconfiguredPoolHasTheDocumentedSettings() {
            runner.withPropertyValues(URL).run(context -> {
                HikariDataSource pool = pool(context);
                assertThat(pool.getPoolName()).isEqualTo("vigil-db");
                assertThat(pool.getMaximumPoolSize()).isEqualTo(20);
                assertThat(pool.getConnectionTimeout()).isEqualTo(2_000);
                assertThat(pool.getKeepaliveTime()).isEqualTo(120_000);
                assertThat(pool.getLeakDetectionThreshold()).isEqualTo(20_000);
                assertThat(pool.getDataSourceProperties())
                        .containsEntry("ApplicationName", "vigil")
                        .containsEntry("reWriteBatchedInserts", "true")
                        .containsEntry("options", "-c statement_timeout=5000 -c lock_timeout=500 -c idle_in_transaction_session_timeout=30000")
                        .containsEntry("socketTimeout", "30")
                        .doesNotContainKey("prepareThreshold");
            });
        }

        @Test
        void springsOwnPoolSettingsOverrideVigilsDefaults() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.maximum-pool-size=7",
                    "spring.datasource.hikari.connection-timeout=1500").run(context -> {
                        assertThat(pool(context).getMaximumPoolSize()).isEqualTo(7);
                        assertThat(pool(context).getConnectionTimeout()).isEqualTo(1_500);
                    });
        }

        @Test
        void poolSettingsGivenAsEnvironmentVariablesTakeEffect() {
            runnerWith(Map.of("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "9")).withPropertyValues(URL).run(context ->
                    assertThat(pool(context).getMaximumPoolSize()).isEqualTo(9));
        }

        @Test
        void vigilsConnectionSettingsBecomeDriverProperties() {
            runner.withPropertyValues(URL, "vigil.datasource.statement-timeout=2s",
                    "vigil.datasource.prepare-threshold=0").run(context ->
                    assertThat(pool(context).getDataSourceProperties())
                            .containsEntry("options", "-c statement_timeout=2000 -c lock_timeout=500 -c idle_in_transaction_session_timeout=30000")
                            .containsEntry("prepareThreshold", "0"));
        }
    }

    @Nested
    class WhereTheDatabaseIs {

        @Test
        void theVigilDbVariablesAreShortNamesForSpringsDatasource() {
            runnerWith(Map.of("VIGIL_DB_URL", "jdbc:postgresql://db.internal:5432/vigil",
                    "VIGIL_DB_USERNAME", "vigil", "VIGIL_DB_PASSWORD", "secret")).run(context -> {
                        HikariDataSource pool = pool(context);
                        assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/vigil");
                        assertThat(pool.getUsername()).isEqualTo("vigil");
                        assertThat(pool.getPassword()).isEqualTo("secret");
                    });
        }

        @Test
        void springsOwnNameWinsOverTheShortName() {
            runnerWith(Map.of("VIGIL_DB_URL", "jdbc:postgresql://elsewhere:5432/vigil")).withPropertyValues(URL).run(context ->
                    assertThat(pool(context).getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/vigil_settings"));
        }

        @Test
        void noDatabaseUrlStopsStartUpWithInstructions() {
            MockEnvironment environment = new MockEnvironment();
            DatabaseRequiredEnvironmentPostProcessor required = new DatabaseRequiredEnvironmentPostProcessor();

            assertThatThrownBy(() -> required.postProcessEnvironment(environment, new SpringApplication()))
                    .isInstanceOf(DatabaseNotConfiguredException.class)
                    .hasMessageContaining("VIGIL_DB_URL=jdbc:postgresql://host:5432/vigil");
            assertThat(new DatabaseNotConfiguredFailureAnalyzer().analyze(new DatabaseNotConfiguredException()))
                    .satisfies(analysis -> assertThat(analysis.getAction()).contains("VIGIL_DB_USERNAME"));

            required.postProcessEnvironment(environment.withProperty("spring.datasource.url", "jdbc:postgresql://db/vigil"),
                    new SpringApplication());
        }
    }

    @Nested
    class RejectedValues {

        /** Spring's own line for a context that does not start; each of these must not. */
        @RegisterExtension
        final ExpectedLogs refusals = ExpectedLogs.from(AnnotationConfigApplicationContext.class)
                .expectInEachTest(Level.WARN, "cancelling refresh attempt");

        @Test
        void minimumIdleAboveTheMaximum() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.maximum-pool-size=10",
                    "spring.datasource.hikari.minimum-idle=11").run(context ->
                    assertRejected(context, "spring.datasource.hikari.minimum-idle"));
        }

        @Test
        void aKeepaliveHikariWouldIgnore() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.keepalive-time=10000").run(context ->
                    assertRejected(context, "spring.datasource.hikari.keepalive-time"));
        }

        @Test
        void aPoolLargerThanTheCap() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.maximum-pool-size=500").run(context ->
                    assertRejected(context, "spring.datasource.hikari.maximum-pool-size"));
        }

        @Test
        void aConnectionTimeoutOfZeroWhichWouldWaitForever() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.connection-timeout=0").run(context ->
                    assertRejected(context, "spring.datasource.hikari.connection-timeout"));
        }

        @Test
        void aValueHikariItselfRefusesIsNamedToo() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.connection-timeout=100").run(context ->
                    assertThat(context).getFailure()
                            .hasStackTraceContaining("Unable to set value for property connection-timeout")
                            .hasStackTraceContaining("connectionTimeout cannot be less than 250ms"));
        }

        @Test
        void aSocketTimeoutThatWouldUndercutTheStatementTimeout() {
            runner.withPropertyValues(URL, "vigil.datasource.statement-timeout=30s",
                    "vigil.datasource.socket-timeout=10s").run(context -> assertThat(context).getFailure()
                    .hasStackTraceContaining("vigil.datasource.socket-timeout"));
        }

        private static void assertRejected(AssertableApplicationContext context, String property) {
            assertThat(context).getFailure().rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("Property " + property + " with value");
        }
    }

    @Nested
    class SettingsThatWouldGoUnread {

        /** Spring's own line for a context that does not start; each of these must not. */
        @RegisterExtension
        final ExpectedLogs refusals = ExpectedLogs.from(AnnotationConfigApplicationContext.class)
                .expectInEachTest(Level.WARN, "cancelling refresh attempt");

        @Test
        void aKeyHikariDoesNotHave() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.maximum-pool-sise=5").run(context ->
                    assertThat(context).getFailure().rootCause()
                            .isInstanceOf(UnboundConfigurationPropertiesException.class)
                            .hasMessageContaining("spring.datasource.hikari.maximum-pool-sise"));
        }

        @Test
        void aDriverPropertyVigilSetsFromItsOwnSetting() {
            runner.withPropertyValues(URL, "spring.datasource.hikari.data-source-properties.socketTimeout=5")
                    .run(context -> assertThat(context).getFailure().rootCause()
                            .hasMessageContaining("spring.datasource.hikari.data-source-properties.socketTimeout")
                            .hasMessageContaining("vigil.datasource.socket-timeout"));
        }

        @Test
        void aDriverPropertyLowerCasedByAnEnvironmentVariable() {
            runnerWith(Map.of("SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_CANCELSIGNALTIMEOUT", "3"))
                    .withPropertyValues(URL).run(context ->
                    assertThat(context).getFailure().rootCause()
                            .hasMessageContaining("data-source-properties.cancelsignaltimeout")
                            .hasMessageContaining("case-sensitive"));
        }

        @Test
        void aRetiredVigilDbPoolSettingNamesItsReplacement() {
            runner.withPropertyValues(URL, "vigil.db.pool.maximum-pool-size=5").run(context ->
                    assertThat(context).getFailure().rootCause()
                            .hasMessageContaining("vigil.db.pool.maximum-pool-size")
                            .hasMessageContaining("spring.datasource.hikari.maximum-pool-size"));
        }

        @Test
        void aRetiredVigilDbConnectionSettingNamesItsReplacement() {
            runnerWith(Map.of("VIGIL_DB_PREPARE_THRESHOLD", "0")).withPropertyValues(URL).run(context -> assertThat(context).getFailure().rootCause()
                            .hasMessageContaining("vigil.db.prepare.threshold")
                            .hasMessageContaining("VIGIL_DATASOURCE_PREPARE_THRESHOLD"));
        }
    }
}
