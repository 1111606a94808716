package dev.vigil.platform.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.redis.RedisClientProperties;
import dev.vigil.platform.redis.RedisConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import redis.clients.jedis.JedisPooled;

/**
 * The {@link ReadCache}, on the platform's Redis client, key prefix and JSON mapper.
 */
@AutoConfiguration(after = {RedisConfiguration.class, JacksonAutoConfiguration.class})
@EnableConfigurationProperties(ReadCacheProperties.class)
public class ReadCacheConfiguration {

    @Bean
    ReadCache readCache(JedisPooled jedis, RedisClientProperties redis, ReadCacheProperties properties, ObjectMapper json,
            MeterRegistry meters) {
        return new ReadCache(jedis, redis.keyPrefix(), properties, json, meters);
    }
}
