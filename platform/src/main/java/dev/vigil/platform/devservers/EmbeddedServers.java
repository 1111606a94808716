package dev.vigil.platform.devservers;

/**
 * The JVM's embedded servers: at most one of each, shared by every application context of the process
 * (test contexts included), stopped by a shutdown hook when the JVM exits.
 */
final class EmbeddedServers {

    static final EmbeddedServer POSTGRES = new EmbeddedPostgresServer();
    static final EmbeddedServer REDIS = new EmbeddedRedisServer();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            REDIS.stop();
            POSTGRES.stop();
        }, "vigil-embedded-servers-stop"));
    }

    private EmbeddedServers() {
    }
}
