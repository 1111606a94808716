package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The served OpenAPI description covers the API and equals the copy in docs/openapi.json. After changing
 * an endpoint, refresh the copy with {@code -Dvigil.openapi.write=true} and commit it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDescriptionIntegrationTests {

    private static final Path CHECKED_IN = Path.of("../../docs/openapi.json");

    @Autowired
    MockMvc mvc;

    @Test
    void theServedDescriptionIsTheCheckedInOne() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        JsonNode description = json.readTree(served);
        assertThat(description.get("paths").fieldNames()).toIterable().contains("/api/v1/me", "/api/v1/me/subscription",
                "/api/v1/dashboard", "/api/v1/alerts/{alertId}/read", "/api/v1/exposures/{exposureId}/removal-request",
                "/internal/v1/users", "/internal/v1/monitoring/users/{userId}/findings");

        List<String> userApiParameters = description.get("paths").properties().stream()
                .filter(path -> path.getKey().startsWith("/api/"))
                .flatMap(path -> path.getValue().findValues("parameters").stream())
                .flatMap(parameters -> parameters.findValuesAsText("name").stream()).toList();
        assertThat(userApiParameters).as("the caller comes from the token; paging is limit, cursor and offset")
                .doesNotContain("userId", "page")
                .contains("limit", "cursor", "offset", "status", "severity", "category", "sourceKind", "from", "to");

        String canonical = json.writeValueAsString(json.treeToValue(description, Object.class)) + "\n";
        if (Boolean.getBoolean("vigil.openapi.write")) {
            Files.writeString(CHECKED_IN, canonical);
        }
        assertThat(CHECKED_IN).as("docs/openapi.json is stale: rerun with -Dvigil.openapi.write=true").exists();
        assertThat(Files.readString(CHECKED_IN)).as("docs/openapi.json is stale: rerun with -Dvigil.openapi.write=true")
                .isEqualTo(canonical);
    }
}
