package dev.vigil.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class BearerTokenSecurityIntegrationTests {

    private static final UUID USER = UUID.fromString("01900000-0000-7000-8000-000000000001");

    @Autowired
    MockMvc mvc;

    @Autowired
    JwtProperties settings;

    @Test
    void aUserTokenNamesTheCaller() throws Exception {
        call("/api/v1/probe", TestTokens.user(USER)).andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(USER.toString()));
    }

    @Test
    void noTokenIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/probe"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void forgedExpiredForeignOrMalformedTokensAre401() throws Exception {
        for (String token : new String[] {TestTokens.forgedUser(USER), TestTokens.expiredUser(USER),
                TestTokens.userFrom("someone-else", "vigil-api", USER), TestTokens.userFrom("vigil-web", "other-api", USER),
                "Bearer not.a.jwt", "Bearer a!.b!.c!", "Bearer " + new TokenMinter(settings).mint("not-a-uuid", Scopes.USER, Instant.now(),
                        Duration.ofMinutes(5))}) {
            call("/api/v1/probe", token)
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith(
                            "Bearer error=\"invalid_token\"")))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void eachAreaNeedsItsOwnScope() throws Exception {
        call("/internal/v1/probe", TestTokens.user(USER)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        call("/api/v1/probe", TestTokens.service()).andExpect(status().isForbidden());
        call("/admin/projections", TestTokens.user(USER)).andExpect(status().isForbidden());
        call("/admin/projections", TestTokens.service()).andExpect(status().isForbidden());

        call("/internal/v1/probe", TestTokens.service()).andExpect(status().isOk());
        call("/admin/projections", TestTokens.admin()).andExpect(status().isOk());
    }

    @Test
    void aTokenWithSeveralScopesOrNoneIsInvalidEverywhere() throws Exception {
        TokenMinter minter = new TokenMinter(settings);
        String userAndAdmin = "Bearer " + minter.mint(USER.toString(), Scopes.USER + " " + Scopes.ADMIN, Instant.now(),
                Duration.ofMinutes(5));
        String userAndInternal = "Bearer " + minter.mint(USER.toString(), Scopes.USER + " " + Scopes.INTERNAL,
                Instant.now(), Duration.ofMinutes(5));
        String none = "Bearer " + minter.mint(USER.toString(), " ", Instant.now(), Duration.ofMinutes(5));
        for (String path : new String[] {"/api/v1/probe", "/internal/v1/probe", "/admin/projections"}) {
            for (String token : new String[] {userAndAdmin, userAndInternal, none}) {
                call(path, token)
                        .andExpect(status().isUnauthorized())
                        .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.startsWith(
                                "Bearer error=\"invalid_token\"")));
            }
        }
    }

    @Test
    void pathsOutsideTheKnownAreasAreDeniedEvenWithAToken() throws Exception {
        call("/unlisted/probe", TestTokens.admin()).andExpect(status().isForbidden());
        call("/actuator/metrics", TestTokens.user(USER)).andExpect(status().isForbidden());
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        // the app's tests scrape /actuator/prometheus without a token too (the platform alone does not expose it)
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void theDeveloperScriptMintsTokensTheServiceAccepts() throws Exception {
        call("/api/v1/probe", "Bearer " + script("--user", USER.toString())).andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(USER.toString()));
        call("/internal/v1/probe", "Bearer " + script("--service")).andExpect(status().isOk());
        call("/admin/projections", "Bearer " + script("--admin")).andExpect(status().isOk());
    }

    private static String script(String... arguments) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("../bin/mint-token"));
        command.addAll(java.util.List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        org.assertj.core.api.Assertions.assertThat(process.waitFor()).isZero();
        return token;
    }

    private ResultActions call(String path, String authorization) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, authorization));
    }
}
