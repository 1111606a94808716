package dev.vigil.app.input;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14, findings 4, 5 and 7, against the deployable as configured (application.yml): loosely typed bodies,
 * body errors without their field list, and query parameters silently ignored or folded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StrictInputApiIntegrationTests {

    private static final String FINDING = """
            {"sourceName": "Acme %d", "sourceKind": "DATA_BROKER", "dataTypes": ["PHONE"], "severity": "HIGH",
             "foundAt": "2026-11-20T08:00:00Z"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    private UUID user;

    @BeforeEach
    void register() throws Exception {
        String created = send(post("/internal/v1/users"), TestTokens.service(), """
                {"email": "%s@example.org", "displayName": "Strict", "timeZone": "UTC"}""".formatted(UUID.randomUUID()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        user = UUID.fromString(json.readTree(created).get("id").asText());
    }

    @Test
    void numbersAreNotPlansStringsBooleansOrInstants() throws Exception {
        refused(send(post("/api/v1/subscription"), TestTokens.user(user), "{\"plan\": 1, \"trial\": false}"), "plan");
        refused(send(post("/api/v1/subscription"), TestTokens.user(user), "{\"plan\": \"PLUS\", \"trial\": 2}"), "trial");
        refused(send(put("/api/v1/subscription/plan"), TestTokens.user(user), "{\"plan\": 1}"), "plan");
        refused(send(put("/api/v1/me/profile"), TestTokens.user(user), "{\"displayName\": 123, \"timeZone\": \"UTC\"}"),
                "displayName");
        refused(send(put("/api/v1/me/profile"), TestTokens.user(user), "{\"displayName\": true, \"timeZone\": \"UTC\"}"),
                "displayName");
        refused(send(post("/internal/v1/billing/users/" + user + "/renewals"), TestTokens.service(),
                "{\"periodEnd\": 1798365600}"), "periodEnd");
        refused(send(post("/internal/v1/monitoring/exposures/" + UUID.randomUUID() + "/removal-failure"),
                TestTokens.service(), "{\"reason\": 123}"), "reason");
        send(post("/api/v1/subscription"), TestTokens.user(user), "{\"plan\": \"PLUS\", \"trial\": false}")
                .andExpect(status().isCreated());
    }

    @Test
    void anUnknownPropertyIsRefusedByName() throws Exception {
        refused(send(put("/api/v1/me/profile"), TestTokens.user(user),
                "{\"displayName\": \"Strict\", \"timeZone\": \"UTC\", \"timezone\": \"Europe/Berlin\"}"), "timezone");
    }

    @Test
    void aBadEnumInTheFourthFindingIsNamedByItsPath() throws Exception {
        String batch = "{\"findings\": [%s, %s, %s, %s]}".formatted(FINDING.formatted(0), FINDING.formatted(1),
                FINDING.formatted(2), FINDING.formatted(3).replace("\"HIGH\"", "\"SEVERE\""));
        refused(send(post(findings()), TestTokens.service(), batch), "findings[3].severity")
                .andExpect(jsonPath("$.errors[0].message").value("must be one of LOW, MEDIUM, HIGH, CRITICAL"));
    }

    @Test
    void everyBeanValidationViolationIsNamed() throws Exception {
        String batch = "{\"findings\": [%s, %s]}".formatted(FINDING.formatted(0),
                FINDING.formatted(1).replace("\"Acme 1\"", "\" \"").replace("[\"PHONE\"]", "[]"));
        refused(send(post(findings()), TestTokens.service(), batch), "findings[1].dataTypes", "findings[1].sourceName");
        refused(send(put("/api/v1/me/profile"), TestTokens.user(user), "{\"displayName\": \"\", \"timeZone\": \"Mars\"}"),
                "displayName", "timeZone");
    }

    @Test
    void aMiscasedOrMisspeltParameterIsNamedNotIgnored() throws Exception {
        refused(read("/api/v1/exposures?Status=ACTIVE"), "Status");
        refused(read("/api/v1/exposures?sourcekind=BREACH"), "sourcekind");
        refused(read("/api/v1/alerts?Severity=HIGH&status=UNREAD"), "Severity");
        refused(read("/api/v1/dashboard?verbose=true"), "verbose");
        refused(read("/api/v1/me?fields=email"), "fields");
        refused(read("/api/v1/alerts/" + UUID.randomUUID() + "?expand=source"), "expand");
        read("/api/v1/exposures?status=ACTIVE&sourceKind=BREACH&severity=high,LOW&limit=5").andExpect(status().isOk());
    }

    /** Actuator endpoints have their own handler mapping, with parameters of their own (a scrape's names). */
    @Test
    void actuatorEndpointsAreNotChecked() throws Exception {
        mvc.perform(get("/actuator/prometheus").param("includedNames", "jvm_threads_live_threads"))
                .andExpect(status().isOk());
    }

    @Test
    void aFilterValueMatchesOnlyInAsciiLetters() throws Exception {
        refused(read("/api/v1/alerts?severity=cr\u0131t\u0131cal"), "severity");
        refused(read("/api/v1/exposures?severity=cr\u0131t\u0131cal"), "severity");
        read("/api/v1/alerts?severity=critical").andExpect(status().isOk());
    }

    @Test
    void everyBadParameterOfARequestIsNamedTogether() throws Exception {
        refused(read("/api/v1/alerts?limit=0&severity=SEVERE&Status=UNREAD&from=yesterday"),
                "Status", "limit", "severity", "from");
    }

    private String findings() {
        return "/internal/v1/monitoring/users/" + user + "/findings";
    }

    private ResultActions read(String uri) throws Exception {
        return mvc.perform(get(uri).header(HttpHeaders.AUTHORIZATION, TestTokens.user(user)));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions refused(ResultActions result, String... fields) throws Exception {
        return result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(contains(fields)));
    }
}
