package dev.vigil.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.platform.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Registers users through the API as the web app and the scanners would, each with three findings (so three
 * exposures and, once alerting's policy has reacted, three alerts), and reads back their ids and page cursors.
 */
final class FuzzUsers {

    /** One registered user and what it owns. */
    record User(UUID id, List<UUID> exposures, List<UUID> alerts, List<String> cursors) {
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final JsonCalls calls;

    FuzzUsers(JsonCalls calls) {
        this.calls = calls;
    }

    /** Registers {@code count} users and their findings, then waits once for all their alerts. */
    List<User> register(String prefix, int count) {
        Map<UUID, List<UUID>> exposures = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            UUID id = UUID.fromString(calls.expect(201, "POST", "/internal/v1/users", TestTokens.service(), """
                    {"email": "%s@example.org", "displayName": "%s", "timeZone": "UTC"}""".formatted(name, name))
                    .path("id").asText());
            JsonNode receipts = calls.expect(200, "POST", "/internal/v1/monitoring/users/" + id + "/findings",
                    TestTokens.service(), """
                    {"findings": [%s, %s, %s]}""".formatted(finding("Acme People Data", "MEDIUM"),
                            finding("MegaCorp breach", "HIGH"), finding("FindThem", "CRITICAL")));
            List<UUID> ids = new ArrayList<>();
            receipts.path("findings").forEach(receipt -> ids.add(UUID.fromString(receipt.path("exposureId").asText())));
            exposures.put(id, ids);
        }
        // alerting's policy raises the alerts a moment after the findings' events
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> exposures.entrySet().stream()
                .allMatch(user -> alerts(user.getKey()).size() == user.getValue().size()));
        return exposures.entrySet().stream().map(user -> {
            String token = TestTokens.user(user.getKey());
            List<String> cursors = List.of(
                    calls.expect(200, "GET", "/api/v1/alerts?limit=1", token, null).path("nextCursor").asText(),
                    calls.expect(200, "GET", "/api/v1/exposures?limit=1", token, null).path("nextCursor").asText());
            return new User(user.getKey(), user.getValue(), alerts(user.getKey()), cursors);
        }).toList();
    }

    private List<UUID> alerts(UUID user) {
        List<UUID> alerts = new ArrayList<>();
        calls.expect(200, "GET", "/api/v1/alerts", TestTokens.user(user), null).path("items")
                .forEach(alert -> alerts.add(UUID.fromString(alert.path("alertId").asText())));
        return alerts;
    }

    private static String finding(String source, String severity) {
        return """
                {"sourceName": "%s", "sourceKind": "DATA_BROKER", "dataTypes": ["EMAIL"], "severity": "%s",
                 "foundAt": "2026-11-01T10:00:00Z"}""".formatted(source, severity);
    }
}
