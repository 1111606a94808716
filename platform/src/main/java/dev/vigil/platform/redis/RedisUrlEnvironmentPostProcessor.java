package dev.vigil.platform.redis;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring's name for where Redis is, {@code spring.data.redis.url}, stands for Vigil's {@code vigil.redis.url}
 * ({@code VIGIL_REDIS_URL}), which wins when both are set. Lowest precedence; runs before the development
 * servers look for a configured Redis.
 */
public class RedisUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "vigilRedisSpringName";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 200;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String springUrl = environment.getProperty("spring.data.redis.url");
        if (springUrl != null && !environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            environment.getPropertySources()
                    .addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of("vigil.redis.url", springUrl)));
        }
    }
}
