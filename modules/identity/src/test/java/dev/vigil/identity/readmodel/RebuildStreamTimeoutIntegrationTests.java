package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A replay that outlasts {@code vigil.projections.rebuild-stream-timeout} (one second here, with the replay held
 * until the stream has ended): the stream ends with a line saying so, and the replay goes on in the processor.
 */
@SpringBootTest(classes = IdentityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigil.projections.rebuild-stream-timeout=1s")
@Import(RebuildProgressStreamIntegrationTests.HeldReplay.class)
class RebuildStreamTimeoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    RebuildProgressStreamIntegrationTests.HeldReplay held;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void releaseTheReplay() {
        held.release.countDown();
    }

    @Test
    void aReplayLongerThanTheStreamEndsItWithALineAndGoesOn() throws Exception {
        UUID user = TimeOrderedIds.next();
        commands.send(new RegisterUser(user, "outlasted@example.org", "Outlasted", "UTC"));

        List<String> lines = RebuildProgressStreamIntegrationTests.rebuildStream(port, line -> { });

        assertThat(lines.getFirst()).startsWith("rebuilding " + UserProfileProjection.PROCESSING_GROUP + " on instance ");
        assertThat(lines.getLast()).isEqualTo("stream closed after 1s (vigil.projections.rebuild-stream-timeout);"
                + " the replay goes on in the processor: follow vigil.projection.lag.events or the log");
        held.release.countDown(); // only now can the replay finish: it outlasted the stream
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT count(*) FROM identity.user_profile_view WHERE user_id = ?").param(user)
                .query(Long.class).single() == 1);
    }
}
