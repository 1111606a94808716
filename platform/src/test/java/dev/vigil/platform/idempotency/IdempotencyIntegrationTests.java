package dev.vigil.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class IdempotencyIntegrationTests {

    private static final String BODY = """
            {"item": "removal-kit", "quantity": 2}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    CountingCommandController controller;

    @Autowired
    IdempotencyStore store;

    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void resetCount() {
        controller.runs.set(0);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseWithoutRunningAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        MvcResult first = order(user, key, BODY).andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED)).andReturn();

        order(user, key, BODY).andExpect(status().isCreated())
                .andExpect(header().string(IdempotencyFilter.REPLAYED, "true"))
                .andExpect(header().string(HttpHeaders.LOCATION, first.getResponse().getHeader(HttpHeaders.LOCATION)))
                .andExpect(content().json(first.getResponse().getContentAsString(), true));
        assertThat(controller.runs).hasValue(1);
    }

    @Test
    void withoutAKeyEveryRequestRuns() throws Exception {
        mvc.perform(post("/api/v1/test-orders").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user))
                .contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/test-orders").header(HttpHeaders.AUTHORIZATION, TestTokens.user(user))
                .contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isCreated());
        assertThat(controller.runs).hasValue(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        order(user, key, BODY).andExpect(status().isCreated());
        order(user, key, """
                {"item": "removal-kit", "quantity": 3}""")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(controller.runs).hasValue(1);
    }

    @Test
    void keysArePrivateToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        order(user, key, BODY).andExpect(status().isCreated());
        order(UUID.randomUUID(), key, BODY).andExpect(status().isCreated())
                .andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED));
        assertThat(controller.runs).hasValue(2);
    }

    @Test
    void aFailedFirstRequestReleasesTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        order(user, key, """
                {"item": "removal-kit", "quantity": 0}""").andExpect(status().isBadRequest());
        order(user, key, BODY).andExpect(status().isCreated()).andExpect(header().doesNotExist(IdempotencyFilter.REPLAYED));
        assertThat(controller.runs).hasValue(1);
    }

    @Test
    void aRetryWhileTheFirstStillRunsIs409AndAnAbandonedOneIsTakenOver() throws Exception {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // another instance took the key and is still working on it
        assertThat(store.claim(user.toString(), key, new byte[32], now, now.minusSeconds(60), now.minus(Duration.ofDays(1))))
                .isTrue();
        order(user, key, BODY).andExpect(status().isConflict()).andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"));
        assertThat(controller.runs).hasValue(0);

        // that instance died: past the abandonment limit, a retry runs the command
        assertThat(store.claim(user.toString(), key, new byte[32], now.plusSeconds(61), now.plusSeconds(1),
                now.minus(Duration.ofDays(1)))).isTrue();
        store.release(user.toString(), key);
        order(user, key, BODY).andExpect(status().isCreated());
        assertThat(controller.runs).hasValue(1);
    }

    @Test
    void aMalformedKeyIs400NamingTheHeader() throws Exception {
        order(user, "x".repeat(201), BODY).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(controller.runs).hasValue(0);
    }

    private ResultActions order(UUID caller, String key, String body) throws Exception {
        return mvc.perform(post("/api/v1/test-orders").header(HttpHeaders.AUTHORIZATION, TestTokens.user(caller))
                .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
