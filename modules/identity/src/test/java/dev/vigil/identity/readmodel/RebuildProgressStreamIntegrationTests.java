package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UserRegistered;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

/**
 * The rebuild endpoint's progress stream over a real server: it follows a replay past the container's timeout for
 * asynchronous requests (set to half a second here; Tomcat's default of 30 s used to end every longer rebuild with
 * "interrupted") up to {@code done}. The replay is held by a handler of the read model's group until the stream has
 * shown it running for two seconds, so the test does not depend on how fast this machine replays.
 */
@SpringBootTest(classes = IdentityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mvc.async.request-timeout=500ms")
@Import(RebuildProgressStreamIntegrationTests.HeldReplay.class)
class RebuildProgressStreamIntegrationTests {

    private static final Pattern ELAPSED = Pattern.compile(" elapsed=(\\d+)s");

    @LocalServerPort
    int port;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    HeldReplay held;

    @AfterEach
    void releaseTheReplay() {
        held.release.countDown();
    }

    @Test
    void followsAReplayPastTheAsyncRequestTimeoutToDone() throws Exception {
        commands.send(new RegisterUser(TimeOrderedIds.next(), "streamed@example.org", "Streamed", "UTC"));

        List<String> lines = rebuildStream(port, line -> {
            if (held.entered.getCount() == 0 && elapsedSeconds(line) >= 2) {
                held.release.countDown(); // the stream outlived the 500 ms limit by far, with the replay held
            }
        });

        assertThat(lines).as("the stream ended with").last().asString()
                .startsWith("done " + UserProfileProjection.PROCESSING_GROUP + " events=");
        assertThat(lines).anySatisfy(line -> assertThat(elapsedSeconds(line)).isGreaterThanOrEqualTo(2));
        assertThat(held.release.getCount()).isZero();
    }

    /** Starts a rebuild of the user profiles and reads its stream to the end, showing each line to {@code eachLine}. */
    static List<String> rebuildStream(int port, Consumer<String> eachLine) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/admin/projections/"
                                + UserProfileProjection.PROCESSING_GROUP + "/rebuild"))
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            for (Iterator<String> it = body.iterator(); it.hasNext(); ) {
                String line = it.next();
                lines.add(line);
                eachLine.accept(line);
            }
        }
        return lines;
    }

    private static long elapsedSeconds(String line) {
        Matcher elapsed = ELAPSED.matcher(line);
        return elapsed.find() ? Long.parseLong(elapsed.group(1)) : -1;
    }

    /** Holds the read model's replay at its first registration until the test releases it. */
    @ProcessingGroup(UserProfileProjection.PROCESSING_GROUP)
    static class HeldReplay {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @EventHandler
        void on(UserRegistered event, ReplayStatus status) throws InterruptedException {
            if (status.isReplay()) {
                entered.countDown();
                release.await(1, TimeUnit.MINUTES); // bounded only to end a hang if the test fails
            }
        }
    }
}
