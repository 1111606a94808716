package dev.vigil.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.vigil.platform.axon.WritesAppliedListener;
import dev.vigil.platform.redis.RedisBackoff;
import dev.vigil.platform.redis.RedisClientProperties;
import dev.vigil.platform.redis.RedisConfiguration;
import dev.vigil.platform.sql.StatementTelemetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

/**
 * The user-facing reads' router ({@link ReplicaReads}). With {@code vigil.replica.url}: a second, read-only HikariCP
 * pool on the standby ({@code vigil-replica}, bounded like the primary's, its {@code hikaricp_*} meters tagged
 * {@code pool=vigil-replica}), wrapped in the same statement telemetry as the primary's, the monitor that polls its
 * replay position, and the {@link WritesAppliedListener} that remembers each writer's WAL position. Without it,
 * every read runs on the primary and nothing else is created. Only the reads that take {@link ReplicaReads} can
 * reach the replica: the replica pool is no {@code DataSource} bean, so JDBC, Flyway and Axon never see it.
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, RedisConfiguration.class})
@ConditionalOnBean(JdbcClient.class)
@EnableConfigurationProperties(ReplicaProperties.class)
public class ReplicaConfiguration {

    @Bean
    @ConditionalOnExpression("'${vigil.replica.url:}'.isBlank()")
    ReplicaReads primaryOnlyReads(JdbcClient jdbc) {
        return ReplicaReads.primaryOnly(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!'${vigil.replica.url:}'.isBlank()")
    static class WithReplica {

        @Bean(destroyMethod = "close")
        ReplicaPool replicaPool(ReplicaProperties replica, DataSource primary, MeterRegistry meters,
                StatementTelemetry telemetry) throws SQLException {
            HikariDataSource primaryPool = primary.unwrap(HikariDataSource.class);
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("vigil-replica");
            pool.setJdbcUrl(replica.url());
            pool.setUsername(replica.username() != null ? replica.username() : primaryPool.getUsername());
            pool.setPassword(replica.password() != null ? replica.password() : primaryPool.getPassword());
            pool.setReadOnly(true);
            pool.setMaximumPoolSize(replica.maximumPoolSize() > 0 ? replica.maximumPoolSize()
                    : primaryPool.getMaximumPoolSize());
            pool.setMinimumIdle(Math.min(minimumIdle(primaryPool), pool.getMaximumPoolSize()));
            pool.setIdleTimeout(primaryPool.getIdleTimeout());
            pool.setMaxLifetime(primaryPool.getMaxLifetime());
            // a stopped or unreachable standby must cost a read a fraction of a second, then it runs on the primary
            pool.setConnectionTimeout(replica.connectionTimeout().toMillis());
            pool.setValidationTimeout(replica.connectionTimeout().toMillis());
            // start without the standby: reads run on the primary until the monitor reaches it
            pool.setInitializationFailTimeout(-1);
            // the primary's driver settings (statement and socket timeouts...), then a 1 s connect timeout: a standby
            // that does not answer must not hold a read back longer (pgjdbc reads string values only)
            primaryPool.getDataSourceProperties().forEach((key, value) -> pool.addDataSourceProperty((String) key, value));
            pool.addDataSourceProperty("connectTimeout", "1");
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
            PoolSettings.check(pool);
            return new ReplicaPool(pool, JdbcClient.create(telemetry.wrap(pool, pool.getPoolName())));
        }

        /**
         * An unset minimum-idle reads -1 until the primary's pool has started, and HikariCP then takes it as the
         * maximum (a fixed pool). In production the pool has not started yet when this runs: Flyway migrates on
         * its own direct connection (SPRING_FLYWAY_URL, as behind PgBouncer).
         */
        static int minimumIdle(HikariDataSource primaryPool) {
            int configured = primaryPool.getMinimumIdle();
            return configured < 0 ? primaryPool.getMaximumPoolSize() : configured;
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        ReplicaMonitor replicaMonitor(JdbcClient primary, ReplicaPool replicaPool, ReplicaProperties replica,
                MeterRegistry meters) {
            return new ReplicaMonitor(primary, replicaPool.jdbc(), replica.pollInterval(), meters);
        }

        @Bean
        LastWrites replicaLastWrites(JedisPooled redis, RedisClientProperties redisProperties, ReplicaProperties replica) {
            // the read cache's back-off: a second without Redis after a failure, then one call tries it again
            return new LastWrites(redis, redisProperties.keyPrefix(), replica.writeMemory(),
                    new RedisBackoff(Duration.ofSeconds(1), System::nanoTime));
        }

        @Bean
        ReplicaReads replicaReads(JdbcClient primary, ReplicaPool replicaPool, ReplicaMonitor monitor,
                LastWrites lastWrites, MeterRegistry meters) {
            return ReplicaReads.withReplica(primary, replicaPool.jdbc(), monitor, lastWrites, meters);
        }

        /** After a write and its projections committed: its users' reads stay on the primary until replayed. */
        @Bean
        WritesAppliedListener rememberWritePositions(JdbcClient primary, LastWrites lastWrites) {
            return users -> {
                long lsn;
                try {
                    lsn = Lsn.parse(primary.sql("/* replica.write_position */ SELECT pg_current_wal_lsn()::text")
                            .query(String.class).single());
                } catch (DataAccessException e) {
                    // the write has committed: its answer must not fail, and its users must not read a standby
                    // that may not have it, so they read the primary for the whole write memory
                    lsn = LastWrites.UNKNOWN;
                }
                long position = lsn;
                users.forEach(user -> lastWrites.record(user, position));
            };
        }
    }
}
