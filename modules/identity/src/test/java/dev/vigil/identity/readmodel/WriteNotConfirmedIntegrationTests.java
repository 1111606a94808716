package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.WriteNotConfirmedException;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A write whose event lands in a segment that another instance holds and does not process (it died, and its claim
 * has not expired yet) waits at most the read-your-writes timeout and then answers 503
 * {@code write-not-confirmed} with {@code Retry-After}, never a 2xx while its change is not visible.
 */
@SpringBootTest(classes = IdentityTestApplication.class, properties = "vigil.projections.read-your-writes-timeout=1s")
@AutoConfigureMockMvc
class WriteNotConfirmedIntegrationTests {

    private static final String PROCESSOR = UserProfileProjection.PROCESSING_GROUP;
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from("dev.vigil.platform.axon.ConsistentCommandGateway");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aWriteWhoseSegmentIsHeldByAStalledInstanceAnswers503AndShowsOnceTheSegmentMovesOn() throws Exception {
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        Awaitility.await().atMost(AT_MOST).until(() -> !processor.processingStatus().isEmpty());
        Segment segment = processor.processingStatus().values().iterator().next().getSegment();
        UUID userId = TimeOrderedIds.next();
        while (!segment.matches(userId)) {
            userId = TimeOrderedIds.next();
        }
        register(userId);

        // the segment now belongs to an instance that stalled: it keeps its claim fresh but applies nothing
        processor.releaseSegment(segment.getSegmentId(), 1, java.util.concurrent.TimeUnit.MINUTES);
        Awaitility.await().atMost(AT_MOST).until(() -> !processor.processingStatus().containsKey(segment.getSegmentId())
                && unclaimed(segment));
        jdbc.sql("UPDATE axon.token_entry SET owner = 'stalled-node', timestamp = :now "
                        + "WHERE processor_name = :processor AND segment = :segment")
                .param("now", DateTimeUtils.formatInstant(Instant.now().plusSeconds(600)))
                .param("processor", PROCESSOR).param("segment", segment.getSegmentId()).update();

        mvc.perform(put("/api/v1/me/profile").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Not Yet\",\"timeZone\":\"UTC\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/write-not-confirmed"));
        logs.assertLogged(Level.WARN, "event=projection_wait_timeout timeout_ms=1000");

        jdbc.sql("UPDATE axon.token_entry SET owner = NULL WHERE processor_name = :processor AND segment = :segment")
                .param("processor", PROCESSOR).param("segment", segment.getSegmentId()).update();
        assertThat(processor.claimSegment(segment.getSegmentId()).join()).isTrue();
        UUID user = userId;
        Awaitility.await().atMost(AT_MOST).until(() -> "Not Yet".equals(jdbc.sql(
                "SELECT display_name FROM identity.user_profile_view WHERE user_id = :id").param("id", user)
                .query(String.class).single()));
    }

    /** Registers the user while this instance holds the segment; a slow moment may still end in the 503. */
    private void register(UUID userId) {
        try {
            commands.send(new RegisterUser(userId, "stalled@example.org", "Stalled", "UTC"));
        } catch (WriteNotConfirmedException slowMachine) {
            logs.allow(Level.WARN, "event=projection_wait_timeout");
        }
        Awaitility.await().atMost(AT_MOST).until(() -> jdbc.sql(
                        "SELECT count(*) FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(Long.class).single() == 1L);
    }

    private boolean unclaimed(Segment segment) {
        return jdbc.sql("SELECT owner IS NULL FROM axon.token_entry WHERE processor_name = :processor AND segment = :segment")
                .param("processor", PROCESSOR).param("segment", segment.getSegmentId()).query(Boolean.class).single();
    }
}
