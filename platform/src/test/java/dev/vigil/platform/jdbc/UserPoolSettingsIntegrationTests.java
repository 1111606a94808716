package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.PlatformTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pool setting written the Spring way takes effect in the running pool and in its metrics; Vigil's default
 * (20) and the test harness's small pool (10) both give way to it.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "spring.datasource.hikari.maximum-pool-size=7",
        "spring.datasource.hikari.minimum-idle=2"})
class UserPoolSettingsIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void springDatasourceHikariMaximumPoolSizeTakesEffect() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(new JdbcTemplate(dataSource).queryForObject("/* platform.test_ping */ SELECT 1", Integer.class))
                .isEqualTo(1);

        assertThat(pool.getHikariConfigMXBean().getMaximumPoolSize()).isEqualTo(7);
        assertThat(pool.getHikariConfigMXBean().getMinimumIdle()).isEqualTo(2);
        assertThat(meters.get("hikaricp.connections.max").tag("pool", "vigil-db").gauge().value()).isEqualTo(7);
    }
}
