package dev.vigil.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.identity.IdentityTestApplication;
import dev.vigil.identity.api.RegisterUser;
import dev.vigil.identity.api.UpdateProfile;
import dev.vigil.platform.axon.ConsistentCommandGateway;
import dev.vigil.platform.id.TimeOrderedIds;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(classes = IdentityTestApplication.class)
@AutoConfigureMockMvc
class MeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsistentCommandGateway commands;

    @Test
    void theCallerSeesTheirOwnProfileInOneStatement() throws Exception {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, "me@example.org", "Me", "Europe/Rome"));

        MvcResult result = mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(userId.toString()))
                .andExpect(jsonPath("$.email").value("me@example.org"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Rome"))
                .andReturn();
        assertThat(statements(result)).isEqualTo(1);

        assertThat(statements(me(userId).andExpect(jsonPath("$.displayName").value("Me")).andReturn()))
                .as("a cache hit runs no SQL").isEqualTo(0);
    }

    @Test
    void aProfileChangeIsVisibleOnTheNextRead() throws Exception {
        UUID userId = TimeOrderedIds.next();
        commands.send(new RegisterUser(userId, "changing@example.org", "Before", "UTC"));
        me(userId).andExpect(jsonPath("$.displayName").value("Before"));

        commands.send(new UpdateProfile(userId, "After", "UTC"));

        MvcResult result = me(userId).andExpect(jsonPath("$.displayName").value("After")).andReturn();
        assertThat(statements(result)).as("the change invalidated the cached profile").isEqualTo(1);
    }

    private org.springframework.test.web.servlet.ResultActions me(UUID userId) throws Exception {
        return mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId)))
                .andExpect(status().isOk());
    }

    private static Object statements(MvcResult result) {
        return result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE);
    }

    @Test
    void aTokenForNobodyIs404AndNoTokenIs401() throws Exception {
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.user(TimeOrderedIds.next())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
    }
}
