package dev.vigil.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
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

/**
 * The first end-to-end slice against the real database: HTTP command, event row in the event store,
 * projected read row.
 */
@SpringBootTest(classes = IdentityTestApplication.class)
@AutoConfigureMockMvc
class UserRegistrationIntegrationTests {

    /** Axon's warning for a command whose aggregate refuses it: the platform keeps it out of the service's log. */
    @RegisterExtension
    final ExpectedLogs rejections = ExpectedLogs.from(AbstractRepository.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void registrationAppendsAnEventAndProjectsTheProfile() throws Exception {
        String body = mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": " Ada@Example.org", "displayName": "Ada", "timeZone": "Europe/London"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        UUID userId = UUID.fromString(json.readTree(body).get("id").asText());
        assertThat(userId.version()).isEqualTo(7);

        Map<String, Object> event = jdbc.sql("""
                        SELECT payload_type, sequence_number, payload FROM axon.domain_event_entry
                        WHERE aggregate_identifier = :id""")
                .param("id", userId.toString()).query().singleRow();
        assertThat(event).containsEntry("payload_type", "dev.vigil.identity.api.UserRegistered")
                .containsEntry("sequence_number", 0L);
        JsonNode payload = json.readTree(new String((byte[]) event.get("payload"), StandardCharsets.UTF_8));
        assertThat(payload.get("email").asText()).isEqualTo("ada@example.org");

        // read your own write: the response came after the projection committed, no waiting needed
        assertThat(jdbc.sql("""
                        SELECT email, display_name, time_zone, version FROM identity.user_profile_view
                        WHERE user_id = :id""").param("id", userId).query().listOfRows())
                .containsExactly(Map.of("email", "ada@example.org", "display_name", "Ada",
                        "time_zone", "Europe/London", "version", 0L));
    }

    @Test
    void aSecondRegistrationWithTheSameEmailIsAConflictAndWritesNoEvent() throws Exception {
        register("grace@example.org").andExpect(status().isCreated());
        long events = eventCount();

        register("GRACE@example.org ")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(rejections.events()).as("a refused command leaves no warning").isEmpty();
    }

    @Test
    void invalidInputIsA400NamingEveryFieldAndWritesNoEvent() throws Exception {
        long events = eventCount();
        mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "not-an-email", "displayName": "", "timeZone": "Mars/Olympus"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("email", "displayName", "timeZone")));
        mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service()).contentType(MediaType.APPLICATION_JSON).content("{\"email\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        assertThat(eventCount()).isEqualTo(events);
    }

    /** Values the projections could not write; a NUL in the email was a 500 (issue 14). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThePoliciesRefuse")
    void textThePolicyRefusesIsA400NamingTheFieldAndWritesNoEvent(String body, String field, String message)
            throws Exception {
        long events = eventCount();
        long claims = claimedEmails();
        mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(claimedEmails()).as("no email claimed").isEqualTo(claims);
    }

    static Stream<Arguments> bodiesThePoliciesRefuse() {
        return Stream.of(
                Arguments.of("""
                        {"email": "nul@example.org", "displayName": "nul\\u0000name", "timeZone": "UTC"}""",
                        "displayName", "must not contain control characters or line breaks (found U+0000)"),
                Arguments.of("""
                        {"email": "nul\\u0000x@example.org", "displayName": "Nul", "timeZone": "UTC"}""",
                        "email", "must not contain control characters or line breaks (found U+0000)"),
                Arguments.of("""
                        {"email": "bell@example.org", "displayName": "bell\\u0007", "timeZone": "UTC"}""",
                        "displayName", "must not contain control characters or line breaks (found U+0007)"),
                Arguments.of("""
                        {"email": "lone@example.org", "displayName": "\\udc00lone", "timeZone": "UTC"}""",
                        "displayName", "must be well-formed Unicode (found the unpaired surrogate U+DC00)"),
                Arguments.of("""
                        {"email": "lone\\ud800@example.org", "displayName": "Lone", "timeZone": "UTC"}""",
                        "email", "must be well-formed Unicode (found the unpaired surrogate U+D800)"),
                Arguments.of("""
                        {"email": "long@example.org", "displayName": "%s", "timeZone": "UTC"}"""
                                .formatted("y".repeat(101)),
                        "displayName", "must be at most 100 characters long, not 101"),
                Arguments.of("""
                        {"email": "zone@example.org", "displayName": "Zone", "timeZone": "Europe/Berlin\\n1"}""",
                        "timeZone", "must not contain control characters or line breaks (found U+000A)"));
    }

    @Test
    void onlyServicesMayRegisterUsers() throws Exception {
        long events = eventCount();
        mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.user(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("email", "x@example.org", "displayName", "X", "timeZone", "UTC"))))
                .andExpect(status().isForbidden());
        assertThat(eventCount()).isEqualTo(events);
    }

    private org.springframework.test.web.servlet.ResultActions register(String email) throws Exception {
        return mvc.perform(post("/internal/v1/users").header(HttpHeaders.AUTHORIZATION, TestTokens.service()).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "displayName", "Grace", "timeZone", "UTC"))));
    }

    private long claimedEmails() {
        return jdbc.sql("SELECT count(*) FROM identity.email_claim").query(Long.class).single();
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM axon.domain_event_entry").query(Long.class).single();
    }
}
