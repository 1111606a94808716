package dev.vigil.platform.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Request bodies are read strictly and every bad field is named at its full path; query parameters a handler does not
 * read are refused, together with every wrong value of those it does. With {@code spring.mvc.problemdetails.enabled}
 * as the application sets it, which must not put Spring Boot's own problem handler (no field list) in front.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "spring.mvc.problemdetails.enabled=true")
@AutoConfigureMockMvc
class StrictInputIntegrationTests {

    private static final String PROBE = "/api/v1/strict-probe";
    private static final String ITEM = """
            {"name": "a", "level": "LOW", "levels": ["HIGH"]}""";
    private static final String VALID = """
            {"text": "t", "flag": true, "at": "2026-12-27T10:00:00Z", "level": "HIGH", "items": [%s, %s]}"""
            .formatted(ITEM, ITEM);

    @Autowired
    MockMvc mvc;

    @Nested
    class Bodies {

        @Test
        void aValidBodyIsRead() throws Exception {
            send(VALID).andExpect(status().isOk()).andExpect(jsonPath("$.items[1].levels[0]").value("HIGH"));
            send(VALID.replace("\"2026-12-27T10:00:00Z\"", "\"2026-12-27T11:00:00+01:00\""))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.at").value("2026-12-27T10:00:00Z"));
        }

        /** Each value is of a JSON type its field does not take; Jackson's defaults would convert it. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                "level": "HIGH"                   | "level": 1                       | level | must be one of LOW, HIGH
                "level": "HIGH"                   | "level": "high"                  | level | must be one of LOW, HIGH
                "text": "t"                       | "text": 123                      | text  | must be a string
                "text": "t"                       | "text": true                     | text  | must be a string
                "text": "t"                       | "text": 1.5                      | text  | must be a string
                "flag": true                      | "flag": 2                        | flag  | must be true or false
                "flag": true                      | "flag": "true"                   | flag  | must be true or false
                "at": "2026-12-27T10:00:00Z"      | "at": 1798365600                 | at    | must be an ISO-8601 instant such as 2026-12-27T10:00:00Z
                "at": "2026-12-27T10:00:00Z"      | "at": 1798365600.5               | at    | must be an ISO-8601 instant such as 2026-12-27T10:00:00Z
                "at": "2026-12-27T10:00:00Z"      | "at": "1798365600"               | at    | must be an ISO-8601 instant such as 2026-12-27T10:00:00Z
                "at": "2026-12-27T10:00:00Z"      | "at": "2026-12-27"               | at    | must be an ISO-8601 instant such as 2026-12-27T10:00:00Z
                """)
        void aValueOfAnotherJsonTypeIsNotConverted(String valid, String wrong, String field, String message)
                throws Exception {
            send(VALID.replace(valid, wrong))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field").value(contains(field)))
                    .andExpect(jsonPath("$.errors[0].message").value(message));
        }

        @Test
        void aWrongValueDeepInArraysIsNamedByItsPath() throws Exception {
            String third = ITEM.replace("[\"HIGH\"]", "[\"HIGH\", \"SEVERE\"]");
            send(VALID.replace("[" + ITEM + ", " + ITEM + "]", "[" + ITEM + ", " + ITEM + ", " + third + "]"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("items[2].levels[1]")))
                    .andExpect(jsonPath("$.detail").value("items[2].levels[1]: must be one of LOW, HIGH"));
            send(VALID.replace("\"level\": \"LOW\"", "\"level\": \"SEVERE\""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("items[0].level")));
        }

        @Test
        void anUnknownPropertyIsNamedAndRefused() throws Exception {
            send(VALID.replace("\"text\": \"t\"", "\"text\": \"t\", \"Text\": \"u\""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("Text")))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a property of this request"));
            send(VALID.replace("\"levels\": [\"HIGH\"]}]", "\"levels\": [\"HIGH\"], \"extra\": {}}]"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("items[1].extra")));
        }

        @Test
        void aRepeatedPropertyTrailingContentAndAMissingBodyAreRefused() throws Exception {
            send(VALID.replace("\"text\": \"t\"", "\"text\": \"t\", \"text\": \"u\""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("body")));
            send(VALID + " {}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("body")));
            send("")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("body")));
        }

        @Test
        void everyBeanValidationViolationIsNamedAtItsFullPath() throws Exception {
            String bad = ITEM.replace("\"a\"", "\" \"").replace("[\"HIGH\"]", "[]");
            send(VALID.replace("\"text\": \"t\"", "\"text\": \"\"").replace("\"flag\": true", "\"flag\": null")
                    .replace("[" + ITEM + ", " + ITEM + "]", "[" + ITEM + ", " + ITEM + ", null, " + bad + "]"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains(
                            "flag", "items[2]", "items[3].levels", "items[3].name", "text")));
        }

        @Test
        void aValidatedListBodyNamesEachElementsFields() throws Exception {
            String bad = ITEM.replace("\"a\"", "\" \"").replace("[\"HIGH\"]", "[]");
            mvc.perform(as(post(PROBE + "/items")).contentType(MediaType.APPLICATION_JSON)
                            .content("[" + ITEM + ", " + ITEM + ", " + ITEM + ", " + bad + "]"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("[3].levels", "[3].name")));
        }

        private ResultActions send(String body) throws Exception {
            return mvc.perform(as(post(PROBE)).contentType(MediaType.APPLICATION_JSON).content(body));
        }
    }

    @Nested
    class QueryParameters {

        @Test
        void aParameterTheHandlerDoesNotReadIsNamed() throws Exception {
            mvc.perform(as(get(PROBE + "/" + UUID.randomUUID())).param("Level", "LOW"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[*].field").value(contains("Level")))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("is not a parameter of this endpoint; it takes level"));
            mvc.perform(as(get(PROBE + "/" + UUID.randomUUID())).param("level", "LOW"))
                    .andExpect(status().isOk());
        }

        @Test
        void anEndpointThatTakesNoneRefusesAny() throws Exception {
            mvc.perform(as(post(PROBE)).param("dryRun", "true").contentType(MediaType.APPLICATION_JSON).content(VALID))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("dryRun")))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("is not a parameter of this endpoint, which takes none"));
        }

        @Test
        void unknownNamesAndWrongPagingValuesAreNamedTogether() throws Exception {
            mvc.perform(as(get("/api/v1/paging-probe")).param("limit", "0").param("offset", "-1")
                            .param("Kind", "a").param("kind", "a"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[*].field").value(contains("Kind", "limit", "offset")))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value(containsString("it takes cursor, kind, limit, offset")));
        }

        @Test
        void aHandlerThatReadsEveryParameterTakesAny() throws Exception {
            mvc.perform(as(get(PROBE + "/anything")).param("whatever", "x"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.whatever").value("x"));
        }
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(UUID.randomUUID()));
    }
}
