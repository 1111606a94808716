package dev.vigil.platform.devservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;
import redis.clients.jedis.Jedis;

/**
 * The rules for where the servers come from, with real servers: ports that answer, ports that do not,
 * and real embedded PostgreSQL and Redis processes.
 */
class DevServersIntegrationTests {

    /**
     * Ports nothing answers on for the whole test: bound here and never listening, so connections are refused and
     * no other process (another build's embedded server, say) can take them meanwhile, as it could a port that
     * was only found free.
     */
    private final Socket refusingDatabasePort = refusingPort();
    private final Socket refusingRedisPort = refusingPort();

    @AfterEach
    void releasePorts() throws IOException {
        refusingDatabasePort.close();
        refusingRedisPort.close();
    }

    @Test
    void startsEmbeddedServersWhenNothingIsConfiguredAndNothingAnswers() throws Exception {
        EmbeddedServer postgres = new EmbeddedPostgresServer();
        EmbeddedServer redis = new EmbeddedRedisServer();
        try {
            StandardEnvironment environment = new StandardEnvironment();
            processor(refusingDatabasePort.getLocalPort(), refusingRedisPort.getLocalPort(), postgres, redis).postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty(DevServersEnvironmentPostProcessor.DATABASE_ORIGIN)).isEqualTo("embedded");
            assertThat(environment.getProperty(DevServersEnvironmentPostProcessor.REDIS_ORIGIN)).isEqualTo("embedded");
            String url = environment.getProperty("spring.datasource.url").replace("/vigil", "/postgres");
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                    ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num")) {
                version.next();
                assertThat(version.getInt(1)).isGreaterThanOrEqualTo(170000);
            }
            try (Jedis jedis = new Jedis(java.net.URI.create(environment.getProperty("vigil.redis.url")))) {
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        } finally {
            postgres.stop();
            redis.stop();
        }
    }

    @Test
    void embeddedServersLeaveNoFilesBehind() {
        EmbeddedServer postgres = new EmbeddedPostgresServer();
        EmbeddedServer redis = new EmbeddedRedisServer();
        postgres.start();
        redis.start();
        Path pgData = postgres.workDirectory();
        Path redisDir = redis.workDirectory();
        assertThat(pgData).isDirectoryContaining(path -> path.getFileName().toString().equals("PG_VERSION"));
        assertThat(redisDir).isNotEmptyDirectory();

        postgres.stop();
        redis.stop();

        assertThat(Files.exists(pgData)).isFalse();
        assertThat(Files.exists(redisDir)).isFalse();
    }

    @Test
    void usesTheLocalDefaultWhenItAnswers() throws IOException {
        try (ServerSocket database = new ServerSocket(0); ServerSocket cache = new ServerSocket(0)) {
            StandardEnvironment environment = new StandardEnvironment();
            processor(database.getLocalPort(), cache.getLocalPort(), failing(), failing())
                    .postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:postgresql://localhost:" + database.getLocalPort() + "/vigil");
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
            assertThat(environment.getProperty("vigil.datasource.create-if-missing")).isEqualTo("true");
            assertThat(environment.getProperty("vigil.redis.url")).isEqualTo("redis://localhost:" + cache.getLocalPort() + "/0");
            assertThat(environment.getProperty(DevServersEnvironmentPostProcessor.DATABASE_ORIGIN)).isEqualTo("local");
        }
    }

    @Test
    void neverReplacesWhatTheUserConfigured() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.internal:6543/vigil")
                .withProperty("vigil.redis.url", "redis://cache.internal:6380/2");
        processor(refusingDatabasePort.getLocalPort(), refusingRedisPort.getLocalPort(), failing(), failing()).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:6543/vigil");
        assertThat(environment.getProperty("vigil.redis.url")).isEqualTo("redis://cache.internal:6380/2");
        assertThat(environment.getProperty(DevServersEnvironmentPostProcessor.DATABASE_ORIGIN)).isEqualTo("configured");
        assertThat(environment.getProperty(DevServersEnvironmentPostProcessor.REDIS_ORIGIN)).isEqualTo("configured");
    }

    @Test
    void keepsTheUsersCredentialsForTheLocalDefault() throws IOException {
        try (ServerSocket database = new ServerSocket(0); ServerSocket cache = new ServerSocket(0)) {
            MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.username", "dev")
                    .withProperty("spring.datasource.password", "secret");
            processor(database.getLocalPort(), cache.getLocalPort(), failing(), failing())
                    .postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("dev");
            assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("secret");
        }
    }

    @Test
    void failsFastWithInstructionsWhenTheEmbeddedServerCannotStart() {
        StandardEnvironment environment = new StandardEnvironment();
        assertThatThrownBy(() -> processor(refusingDatabasePort.getLocalPort(), refusingRedisPort.getLocalPort(), failing(), failing())
                .postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(DevServerUnavailableException.class)
                .hasMessageContaining("initdb: cannot be run as root")
                .hasMessageContaining("docker compose up -d postgres redis")
                .hasMessageContaining("VIGIL_DB_URL=jdbc:postgresql://host:5432/vigil");
    }

    @Test
    void whenSwitchedOffItResolvesNothing() {
        MockEnvironment environment = new MockEnvironment().withProperty(DevServersEnvironmentPostProcessor.ENABLED, "false");
        processor(refusingDatabasePort.getLocalPort(), refusingRedisPort.getLocalPort(), failing(), failing()).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isNull();
        assertThat(environment.getProperty("vigil.redis.url")).isNull();
        assertThat(environment.getProperty(DevServersEnvironmentPostProcessor.DATABASE_ORIGIN)).isNull();
    }

    private static DevServersEnvironmentPostProcessor processor(int databasePort, int redisPort,
            EmbeddedServer postgres, EmbeddedServer redis) {
        return new DevServersEnvironmentPostProcessor(LogFactory.getLog(DevServersIntegrationTests.class),
                databasePort, redisPort, postgres, redis);
    }

    private static Socket refusingPort() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return socket;
    }

    private static EmbeddedServer failing() {
        return new EmbeddedServer() {
            @Override
            public int start() {
                throw new IllegalStateException("initdb: cannot be run as root");
            }

            @Override
            public void stop() {
            }

            @Override
            public Path workDirectory() {
                return null;
            }
        };
    }
}
