package dev.vigil.identity.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.axon.ProjectionRebuilds;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.EventStoreRows;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * An event the identity projection cannot apply (a NUL in a display name, which PostgreSQL refuses in text),
 * written straight into the event store as a path the API no longer offers might: it parks only its user's
 * sequence, everyone else's writes stay visible, the parked user's writes answer the write-not-visible problem,
 * and an operator can list, retry and evict through the admin endpoints.
 */
@SpringBootTest(classes = IdentityTestApplication.class, properties = "vigil.projections.dead-letter-count-interval=100ms")
@AutoConfigureMockMvc
class DeadLetterIntegrationTests {

    private static final String PROCESSOR = "identity-user-profile";
    private static final String DEAD_LETTERS = "/admin/projections/" + PROCESSOR + "/dead-letters";
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from("dev.vigil.platform.axon.ReportingDeadLetterQueue",
            "org.axonframework.eventhandling.deadletter.DeadLetteredEventProcessingTask",
            "org.axonframework.eventhandling.pooled.WorkPackage");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsistentCommandGateway commands;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ProjectionRebuilds rebuilds;

    @Test
    void aPoisonedEventParksOnlyItsUserAndARetryAfterTheFixAppliesTheQueueInOrder() throws Exception {
        UUID poisoned = register("poisoned@example.org");
        UUID other = register("other@example.org");
        String sequence = poison(poisoned);
        assertThat(letters(sequence)).hasSize(1);
        logs.assertLogged(Level.ERROR, "event=projection_dead_lettered processor=" + PROCESSOR + " user=" + poisoned);

        // everyone else moves on: another user's write answers 200 and is visible
        update(TestTokens.user(other), "Other Person").andExpect(status().isOk());
        assertThat(displayName(other)).isEqualTo("Other Person");

        // the parked user's next write is recorded, queued behind the dead letter, and not answered as visible
        update(TestTokens.user(poisoned), "Fixed Later")
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER))
                .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/write-not-visible"))
                .andExpect(jsonPath("$.status").value(503));
        assertThat(letters(sequence)).hasSize(2);
        assertThat(displayName(poisoned)).isEqualTo("Someone");
        logs.assertLogged(Level.ERROR, "cause=queued_behind_earlier_dead_letter");

        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(gauge("vigil.projection.dead.letters")).isEqualTo(2.0);
            assertThat(gauge("vigil.projection.dead.letter.sequences")).isEqualTo(1.0);
        });

        mvc.perform(get(DEAD_LETTERS).header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].userId").value(poisoned.toString()))
                .andExpect(jsonPath("$.items[0].sequence").value(sequence))
                .andExpect(jsonPath("$.items[1].causeMessage").value(org.hamcrest.Matchers.containsString("0x00")))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andDo(listed -> assertThat(listed.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE))
                        .as("one statement per page").isEqualTo(1));
        mvc.perform(get(DEAD_LETTERS).param("limit", "1").header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.hasMore").value(true));

        // a retry before the cause is removed fails again: both stay parked
        mvc.perform(post(DEAD_LETTERS + "/" + sequence + "/retry").header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.remaining").value(2));
        logs.assertLogged(Level.WARN, "failed");
        assertThat(letters(sequence)).hasSize(2);

        // the cause removed (here: the parked copy of the event repaired), a retry applies both in order
        jdbc.sql("""
                UPDATE axon.dead_letter_entry
                SET payload = convert_to(replace(convert_from(payload, 'UTF8'), '\\u0000', ''), 'UTF8')
                WHERE processing_group = :group AND sequence_identifier = :sequence""")
                .param("group", PROCESSOR).param("sequence", sequence).update();
        mvc.perform(post(DEAD_LETTERS + "/" + sequence + "/retry").header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true))
                .andExpect(jsonPath("$.remaining").value(0));
        assertThat(letters(sequence)).isEmpty();
        assertThat(displayName(poisoned)).isEqualTo("Fixed Later");
        assertThat(version(poisoned)).isEqualTo(2L);
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(gauge("vigil.projection.dead.letters")).isZero());

        // and the user's writes are visible again
        update(TestTokens.user(poisoned), "Back To Normal").andExpect(status().isOk());
        assertThat(displayName(poisoned)).isEqualTo("Back To Normal");
    }

    @Test
    void evictingASequenceLetsItsUserMoveOnAndUnknownNamesAre404() throws Exception {
        UUID poisoned = register("evicted@example.org");
        String sequence = poison(poisoned);
        logs.assertLogged(Level.ERROR, "event=projection_dead_lettered");
        String admin = TestTokens.admin();

        mvc.perform(delete(DEAD_LETTERS + "/" + sequence + "/letters/" + UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/admin/projections/no-such-processor/dead-letters/" + sequence)
                        .header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(DEAD_LETTERS + "/no-such-sequence/retry").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/projections/no-such-processor/dead-letters").header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNotFound());

        String letter = letters(sequence).getFirst();
        mvc.perform(delete(DEAD_LETTERS + "/" + sequence + "/letters/" + letter).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isNoContent());
        assertThat(letters(sequence)).isEmpty();

        update(TestTokens.user(poisoned), "Moved On").andExpect(status().isOk());
        assertThat(displayName(poisoned)).isEqualTo("Moved On");
    }

    @Test
    void aWriteWhoseOwnEventIsParkedAnswersWriteNotVisible() throws Exception {
        UUID userId = register("refused@example.org");
        // the read table refuses this one name (a data error, SQLSTATE 22023), as it would refuse a NUL
        jdbc.sql("""
                CREATE FUNCTION identity.test_refuse_poison_pill() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = 'invalid_parameter_value'; END $$;
                CREATE TRIGGER test_refuse_poison_pill BEFORE UPDATE ON identity.user_profile_view FOR EACH ROW
                WHEN (NEW.display_name = 'Poison Pill') EXECUTE FUNCTION identity.test_refuse_poison_pill()""").update();
        try {
            update(TestTokens.user(userId), "Poison Pill")
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "60"))
                    .andExpect(jsonPath("$.type").value("https://vigil.dev/problems/write-not-visible"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("recorded")));
        } finally {
            jdbc.sql("""
                    DROP TRIGGER test_refuse_poison_pill ON identity.user_profile_view;
                    DROP FUNCTION identity.test_refuse_poison_pill()""").update();
        }
        logs.assertLogged(Level.ERROR, "event=projection_dead_lettered processor=" + PROCESSOR + " user=" + userId);
        assertThat(displayName(userId)).isEqualTo("Someone");
        assertThat(jdbc.sql("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", userId.toString()).query(Long.class).single()).as("the change is recorded").isEqualTo(2);

        // the table accepts it again: a retry makes the recorded change visible
        String sequence = jdbc.sql("""
                        SELECT DISTINCT sequence_identifier FROM axon.dead_letter_entry
                        WHERE processing_group = :group AND aggregate_identifier = :id""")
                .param("group", PROCESSOR).param("id", userId.toString()).query(String.class).single();
        mvc.perform(post(DEAD_LETTERS + "/" + sequence + "/retry").header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.applied").value(true));
        assertThat(displayName(userId)).isEqualTo("Poison Pill");
    }

    @Test
    void aRebuildParksThePoisonedEventAgainAndRebuildsEveryoneElse() throws Exception {
        UUID poisoned = register("rebuilt-poisoned@example.org");
        String sequence = poison(poisoned);
        UUID other = register("rebuilt-other@example.org");
        // replays run without savepoints: the poisoned event fails its batch once, then is parked in a savepoint
        logs.allow(Level.WARN, "Error while processing batch");

        rebuilds.rebuild(PROCESSOR, progress -> { });

        assertThat(displayName(other)).isEqualTo("Someone");
        assertThat(displayName(poisoned)).as("its registration was applied").isEqualTo("Someone");
        assertThat(letters(sequence)).as("the reset emptied the queue, the replay parked the event again").hasSize(1);
        assertThat(logs.messages(Level.ERROR)).as("parked before the rebuild and again by the replay")
                .filteredOn(line -> line.contains("user=" + poisoned)).hasSize(2);
        mvc.perform(delete(DEAD_LETTERS + "/" + sequence).header(HttpHeaders.AUTHORIZATION, TestTokens.admin()))
                .andExpect(status().isNoContent());
    }

    @Test
    void theDeadLetterEndpointsRequireTheAdminScope() throws Exception {
        String user = TestTokens.user(TimeOrderedIds.next());
        mvc.perform(get(DEAD_LETTERS).header(HttpHeaders.AUTHORIZATION, user)).andExpect(status().isForbidden());
        mvc.perform(post(DEAD_LETTERS + "/1/retry").header(HttpHeaders.AUTHORIZATION, user))
                .andExpect(status().isForbidden());
        mvc.perform(delete(DEAD_LETTERS + "/1").header(HttpHeaders.AUTHORIZATION, TestTokens.service()))
                .andExpect(status().isForbidden());
        mvc.perform(get(DEAD_LETTERS)).andExpect(status().isUnauthorized());
    }

    private UUID register(String email) {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, email, "Someone", "UTC"));
        return userId;
    }

    /**
     * Appends a ProfileUpdated whose display name holds a NUL straight to the event store, waits until the
     * projection has parked it, and returns the dead-letter sequence.
     */
    private String poison(UUID userId) {
        String eventId = EventStoreRows.appendSecond(jdbc, userId, "dev.vigil.identity.api.ProfileUpdated", """
                {"userId":"%s","displayName":"nul\\u0000name","timeZone":"UTC","updatedAt":"%s"}"""
                .formatted(userId, Instant.now()));
        return await().atMost(AT_MOST).until(() -> jdbc.sql("""
                        SELECT sequence_identifier FROM axon.dead_letter_entry
                        WHERE processing_group = :group AND event_identifier = :eventId""")
                .param("group", PROCESSOR).param("eventId", eventId).query(String.class).optional(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private ResultActions update(String token, String displayName) throws Exception {
        return mvc.perform(put("/api/v1/me/profile").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\": \"" + displayName + "\", \"timeZone\": \"UTC\"}"));
    }

    private List<String> letters(String sequence) {
        return jdbc.sql("""
                        SELECT dead_letter_id FROM axon.dead_letter_entry
                        WHERE processing_group = :group AND sequence_identifier = :sequence ORDER BY sequence_index""")
                .param("group", PROCESSOR).param("sequence", sequence).query(String.class).list();
    }

    private String displayName(UUID userId) {
        return jdbc.sql("SELECT display_name FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(String.class).single();
    }

    private long version(UUID userId) {
        return jdbc.sql("SELECT version FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(Long.class).single();
    }

    private double gauge(String name) {
        return meters.get(name).tag("processor", PROCESSOR).gauge().value();
    }
}
