package dev.vigil.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.testing.EventStoreRows;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AbstractRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(classes = IdentityTestApplication.class)
@AutoConfigureMockMvc
class ProfileUpdateIntegrationTests {

    /** Axon's warning for a command whose aggregate refuses it: the platform keeps it out of the service's log. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsistentCommandGateway commands;

    @Test
    void theCallerUpdatesTheirOwnProfileAndTheViewFollows() throws Exception {
        UUID userId = register("lin@example.org");

        update(userId, """
                {"displayName": " Lin Y. ", "timeZone": "Asia/Shanghai"}""").andExpect(status().isOk());

        assertThat(jdbc.sql("""
                        SELECT display_name, time_zone, version FROM identity.user_profile_view WHERE user_id = :id""")
                .param("id", userId).query().singleRow())
                .isEqualTo(Map.of("display_name", "Lin Y.", "time_zone", "Asia/Shanghai", "version", 1L));
        assertThat(eventTypes(userId)).containsExactly("dev.vigil.identity.api.UserRegistered",
                "dev.vigil.identity.api.ProfileUpdated");
    }

    @Test
    void theSameUpdateTwiceWritesOneEvent() throws Exception {
        UUID userId = register("twice-update@example.org");
        String body = """
                {"displayName": "Twice", "timeZone": "UTC"}""";
        update(userId, body).andExpect(status().isOk());
        update(userId, body).andExpect(status().isOk());
        assertThat(eventTypes(userId)).hasSize(2);
    }

    @Test
    void invalidFieldsAreNamedAndWriteNoEvent() throws Exception {
        UUID userId = register("invalid-update@example.org");
        update(userId, """
                {"displayName": "", "timeZone": "Nowhere/Land"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("displayName"))
                .andExpect(jsonPath("$.errors[1].field").value("timeZone"));
        assertThat(eventTypes(userId)).hasSize(1);
    }

    /** Values the projections could not write (issue 14: a NUL stopped them for every user of a segment). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThePoliciesRefuse")
    void textThePolicyRefusesIsA400NamingTheFieldAndStoresNothing(String body, String field, String message)
            throws Exception {
        UUID userId = register(TimeOrderedIds.next() + "@example.org");
        long events = EventStoreRows.count(jdbc);

        update(userId, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        assertThat(EventStoreRows.count(jdbc)).isEqualTo(events);
    }

    static Stream<Arguments> bodiesThePoliciesRefuse() {
        return Stream.of(
                Arguments.of("""
                        {"displayName": "nul\\u0000name", "timeZone": "UTC"}""", "displayName",
                        "must not contain control characters or line breaks (found U+0000)"),
                Arguments.of("""
                        {"displayName": "tab\\tname", "timeZone": "UTC"}""", "displayName",
                        "must not contain control characters or line breaks (found U+0009)"),
                Arguments.of("""
                        {"displayName": "next\\u0085line", "timeZone": "UTC"}""", "displayName",
                        "must not contain control characters or line breaks (found U+0085)"),
                Arguments.of("""
                        {"displayName": "line\\u2028break", "timeZone": "UTC"}""", "displayName",
                        "must not contain control characters or line breaks (found U+2028)"),
                Arguments.of("""
                        {"displayName": "lone \\ud83d surrogate", "timeZone": "UTC"}""", "displayName",
                        "must be well-formed Unicode (found the unpaired surrogate U+D83D)"),
                Arguments.of("""
                        {"displayName": "%s", "timeZone": "UTC"}""".formatted("x".repeat(101)), "displayName",
                        "must be at most 100 characters long, not 101"),
                Arguments.of("""
                        {"displayName": "Ann", "timeZone": "UTC\\u0000"}""", "timeZone",
                        "must not contain control characters or line breaks (found U+0000)"));
    }

    @Test
    void aHundredEmojiAreAHundredCharacters() throws Exception {
        UUID userId = register("emoji-update@example.org");
        String name = "\uD83D\uDE00".repeat(100);
        update(userId, """
                {"displayName": "%s", "timeZone": "UTC"}""".formatted(name)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT display_name FROM identity.user_profile_view WHERE user_id = :id")
                .param("id", userId).query(String.class).single()).isEqualTo("\uD83D\uDE00".repeat(100));
    }

    @Test
    void aTokenForAnUnknownUserIs404() throws Exception {
        update(TimeOrderedIds.next(), """
                {"displayName": "Ghost", "timeZone": "UTC"}""")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    private UUID register(String email) {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, email, "Someone", "UTC"));
        return userId;
    }

    private ResultActions update(UUID userId, String body) throws Exception {
        return mvc.perform(put("/api/v1/me/profile").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private java.util.List<String> eventTypes(UUID userId) {
        return jdbc.sql("""
                        SELECT payload_type FROM axon.domain_event_entry WHERE aggregate_identifier = :id
                        ORDER BY sequence_number""")
                .param("id", userId.toString()).query(String.class).list();
    }
}
