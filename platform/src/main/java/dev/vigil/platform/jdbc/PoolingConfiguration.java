package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The instance's single HikariCP pool. Boot's own DataSource configuration backs off; Boot still binds
 * the pool's metrics to Micrometer ({@code hikaricp_*}) and uses it for Flyway, JDBC and Axon.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(DatabaseProperties.class)
public class PoolingConfiguration {

    @Bean
    HikariDataSource dataSource(DatabaseProperties properties) {
        if (properties.createIfMissing()) {
            DatabaseCreator.ensureExists(properties);
        }
        return HikariPools.create(properties);
    }
}
