package dev.vigil.app;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The production profile serves no API description and no browser view of it (development does:
 * {@link OpenApiDescriptionIntegrationTests}). The test's own servers and secret stand in for
 * configured ones.
 */
@SpringBootTest(properties = {"spring.profiles.active=production", "vigil.dev-servers.enabled=true",
        "vigil.jwt.secret=a-production-secret-of-at-least-32-bytes"})
@AutoConfigureMockMvc
class ProductionProfileApiDescriptionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void servesNoApiDescription() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isNotFound());
    }
}
