package dev.vigil.platform.devservers;

import org.springframework.boot.SpringApplication;

/**
 * The JVM's embedded servers: at most one of each, shared by every application context of the process
 * (test contexts included). They are stopped by a Spring Boot shutdown handler, which runs only after every
 * application context has closed: a plain JVM shutdown hook would run at the same time as the contexts'
 * own closing, and take the database away from a pool, a projection or a test's clean-up still using it.
 */
final class EmbeddedServers {

    static final EmbeddedServer POSTGRES = new EmbeddedPostgresServer();
    static final EmbeddedServer REDIS = new EmbeddedRedisServer();

    static {
        SpringApplication.getShutdownHandlers().add(() -> {
            REDIS.stop();
            POSTGRES.stop();
        });
    }

    private EmbeddedServers() {
    }
}
