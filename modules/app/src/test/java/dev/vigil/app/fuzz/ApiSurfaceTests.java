package dev.vigil.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The fuzz suite covers every operation the API describes: a new endpoint must be added to {@link ApiSurface}. */
class ApiSurfaceTests {

    @Test
    void coversEveryOperationOfTheApiDescription() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(Path.of("../../docs/openapi.json").toFile()).path("paths");
        List<String> described = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        assertThat(described).isNotEmpty();
        assertThat(ApiSurface.ENDPOINTS.stream().map(endpoint -> endpoint.method() + " " + endpoint.template()).toList())
                .containsAll(described);
    }
}
