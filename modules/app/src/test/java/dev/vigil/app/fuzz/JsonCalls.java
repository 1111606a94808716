package dev.vigil.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Well-formed calls for the setup and the canaries, through the same client as the fuzzing. */
final class JsonCalls {

    /** A call's status and parsed body (a missing node if the body was not JSON). */
    record Answer(int status, JsonNode body, String raw) {
    }

    private final FuzzClient client;
    private final ObjectMapper json;

    JsonCalls(FuzzClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    Answer call(String method, String path, String authorization, String body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Authorization", authorization)));
        if (body != null) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        FuzzRequest request = new FuzzRequest(method, path, path, "setup", headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        FuzzResponse response = client.send(request);
        JsonNode parsed;
        try {
            parsed = json.readTree(response.body());
        } catch (Exception notJson) {
            parsed = json.missingNode();
        }
        return new Answer(response.status(), parsed == null ? json.missingNode() : parsed,
                response.answered() ? response.body() : response.transportError());
    }

    /** The same, but anything other than {@code expected} stops the setup with what came back. */
    JsonNode expect(int expected, String method, String path, String authorization, String body) {
        Answer answer = call(method, path, authorization, body);
        if (answer.status() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ", not " + expected
                    + ": " + FuzzRequest.visible(answer.raw()));
        }
        return answer.body();
    }
}
