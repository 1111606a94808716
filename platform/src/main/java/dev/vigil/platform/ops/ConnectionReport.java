package dev.vigil.platform.ops;

import com.zaxxer.hikari.HikariDataSource;
import dev.vigil.platform.jdbc.JdbcUrls;
import dev.vigil.platform.redis.RedisClientProperties;
import dev.vigil.platform.redis.RedisUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

/**
 * One structured log line once the application is ready: which servers it uses, where they came
 * from (configured, local default, embedded) and their versions. Secrets never appear.
 */
class ConnectionReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionReport.class);
    /** Written by the development servers (vigil-devservers), when they chose the server. */
    static final String DATABASE_ORIGIN = "vigil.dev-servers.database";
    static final String REDIS_ORIGIN = "vigil.dev-servers.redis";

    private final RedisClientProperties redis;
    private final HikariDataSource dataSource;
    private final JedisPooled jedis;
    private final Environment environment;

    ConnectionReport(RedisClientProperties redis, HikariDataSource dataSource, JedisPooled jedis,
            Environment environment) {
        this.redis = redis;
        this.dataSource = dataSource;
        this.jedis = jedis;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info("event=connected database={} database_origin={} database_user={} postgres_version={} pool={} "
                        + "pool_max={} redis={} redis_origin={} redis_version={}",
                JdbcUrls.redacted(dataSource.getJdbcUrl()),
                environment.getProperty(DATABASE_ORIGIN, "configured"),
                dataSource.getUsername(),
                postgresVersion(),
                dataSource.getPoolName(),
                dataSource.getMaximumPoolSize(),
                RedisUrls.redacted(redis.url()),
                environment.getProperty(REDIS_ORIGIN, "configured"),
                redisVersion());
    }

    private String postgresVersion() {
        try {
            return new JdbcTemplate(dataSource).queryForObject("/* platform.server_version */ SHOW server_version", String.class);
        } catch (RuntimeException e) {
            return "unreachable";
        }
    }

    private String redisVersion() {
        try {
            return jedis.info("server").lines()
                    .filter(line -> line.startsWith("redis_version:"))
                    .map(line -> line.substring("redis_version:".length()).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (RuntimeException e) {
            return "unreachable";
        }
    }
}
