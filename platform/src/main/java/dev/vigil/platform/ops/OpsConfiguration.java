package dev.vigil.platform.ops;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import dev.vigil.platform.jdbc.PoolingConfiguration;
import dev.vigil.platform.redis.RedisClientProperties;
import dev.vigil.platform.redis.RedisConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import redis.clients.jedis.JedisPooled;

/**
 * Operations additions to Actuator.
 */
@AutoConfiguration(after = {PoolingConfiguration.class, RedisConfiguration.class})
public class OpsConfiguration {

    @Bean
    ConnectionReport connectionReport(RedisClientProperties redis, DataSource dataSource, JedisPooled jedis,
            Environment environment) throws SQLException {
        return new ConnectionReport(redis, dataSource.unwrap(HikariDataSource.class), jedis, environment);
    }
}
