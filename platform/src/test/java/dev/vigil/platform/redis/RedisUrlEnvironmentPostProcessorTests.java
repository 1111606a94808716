package dev.vigil.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RedisUrlEnvironmentPostProcessorTests {

    private final RedisUrlEnvironmentPostProcessor processor = new RedisUrlEnvironmentPostProcessor();

    @Test
    void springsRedisUrlStandsForVigils() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.url", "redis://cache.internal:6379/1");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("vigil.redis.url")).isEqualTo("redis://cache.internal:6379/1");
    }

    @Test
    void vigilsOwnNameWins() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.data.redis.url", "redis://spring:6379/1")
                .withProperty("vigil.redis.url", "redis://vigil:6379/2");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("vigil.redis.url")).isEqualTo("redis://vigil:6379/2");
    }

    @Test
    void withoutSpringsNameNothingIsAdded() {
        MockEnvironment environment = new MockEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("vigil.redis.url")).isNull();
    }
}
