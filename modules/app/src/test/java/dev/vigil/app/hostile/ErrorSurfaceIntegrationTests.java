package dev.vigil.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.RawHttp;
import dev.vigil.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole service on a real server, asked what issue 14's attacker asked (items 3, 6 and 10): every answer is a
 * problem+json whose {@code status} is the HTTP status, none carries a stack trace, and none of these client errors
 * logs a WARN or an ERROR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorSurfaceIntegrationTests {

    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static final String MULTIPART = "Content-Type: multipart/form-data; boundary=x\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final UUID SOMEONE = UUID.randomUUID();

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(Logger.ROOT_LOGGER_NAME);

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private final String user = "Authorization: " + TestTokens.user(SOMEONE) + "\r\n";
    private final String service = "Authorization: " + TestTokens.service() + "\r\n";
    private final String admin = "Authorization: " + TestTokens.admin() + "\r\n";

    record Hostile(String name, int status, String head, String body) {
    }

    /** Every endpoint that takes a body, with the token it needs. */
    private List<String[]> bodyEndpoints() {
        String exposure = UUID.randomUUID().toString();
        return List.of(
                new String[] {"POST /internal/v1/users", service},
                new String[] {"POST /internal/v1/monitoring/users/" + SOMEONE + "/findings", service},
                new String[] {"POST /internal/v1/monitoring/exposures/" + exposure + "/removal-failure", service},
                new String[] {"POST /internal/v1/billing/users/" + SOMEONE + "/renewals", service},
                new String[] {"POST /internal/v1/billing/users/" + SOMEONE + "/payment-failures", service},
                new String[] {"PUT /api/v1/me/profile", user},
                new String[] {"POST /api/v1/subscription", user},
                new String[] {"PUT /api/v1/subscription/plan", user});
    }

    @Test
    void hostileRequestsGetProblemsWithTheirOwnStatusAndLogNothingAboveInfo() throws Exception {
        List<Hostile> table = new ArrayList<>();
        for (String[] endpoint : bodyEndpoints()) {
            table.add(new Hostile(endpoint[0] + " truncated multipart", 415,
                    endpoint[0] + " HTTP/1.1\r\n" + endpoint[1] + MULTIPART, "--x\r\n\r\n--x--"));
            table.add(new Hostile(endpoint[0] + " form with a bad escape, no token", 415,
                    endpoint[0] + " HTTP/1.1\r\n" + FORM, "a=%zz"));
        }
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            table.add(new Hostile(method + " form with a bad escape on any path", 415,
                    method + " /api/v1/alerts HTTP/1.1\r\n" + FORM, "a=%zz"));
        }
        table.addAll(List.of(
                new Hostile("GET /error", 403, "GET /error HTTP/1.1\r\n", ""),
                new Hostile("GET /error for a browser", 403, "GET /error HTTP/1.1\r\nAccept: text/html\r\n", ""),
                new Hostile("an alert id that converts to nothing", 400, "GET /api/v1/alerts/%20 HTTP/1.1\r\n" + user, ""),
                new Hostile("an empty path segment", 400, "GET /api/v1//me HTTP/1.1\r\n" + user, ""),
                new Hostile("a session id in the path", 400, "GET /api/v1/me;jsessionid=1 HTTP/1.1\r\n" + user, ""),
                new Hostile("a bad %-escape in the path", 400, "GET /api/v1/alerts/%zz HTTP/1.1\r\n" + user, ""),
                new Hostile("an oversized header", 400, "GET /api/v1/me HTTP/1.1\r\n" + user + "X-Big: "
                        + "a".repeat(20_000) + "\r\n", ""),
                new Hostile("a non-ASCII Idempotency-Key", 400, "POST /internal/v1/users HTTP/1.1\r\n" + service + JSON
                        + "Idempotency-Key: k\u00c3\u00a9y\r\n", "{}"),
                // U+20AC as UTF-8 reads as a C1 control character in ISO-8859-1: Spring Security's firewall refuses
                // the header when the idempotency filter reads it
                new Hostile("an Idempotency-Key the firewall refuses", 400, "POST /internal/v1/users HTTP/1.1\r\n" + service
                        + JSON + "Idempotency-Key: k\u00e2\u0082\u00acy\r\n", "{}"),
                new Hostile("a method the path does not take", 405, "DELETE /api/v1/me HTTP/1.1\r\n" + user, ""),
                new Hostile("a read of an unknown alert", 404, "GET /api/v1/alerts/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                        + user, ""),
                new Hostile("a write on an unknown alert", 404, "POST /api/v1/alerts/" + UUID.randomUUID()
                        + "/read HTTP/1.1\r\n" + user, ""),
                // found by the fuzz suite (HostileRequestsIntegrationTests)
                new Hostile("a wildcard Content-Type", 415, "PUT /api/v1/me/profile HTTP/1.1\r\n" + user
                        + "Content-Type: */*\r\n", "{\"displayName\":\"Ada\",\"timeZone\":\"UTC\"}"),
                new Hostile("a wildcard subtype", 415, "POST /api/v1/subscription HTTP/1.1\r\n" + user
                        + "Content-Type: application/*\r\n", "{\"plan\":\"FREE\",\"trial\":false}"),
                new Hostile("a parameter name the firewall refuses", 400, "GET /api/v1/alerts?%00=1 HTTP/1.1\r\n" + user, ""),
                new Hostile("an error in a type the client does not accept", 404, "GET /api/v1/alerts/"
                        + UUID.randomUUID() + " HTTP/1.1\r\n" + user + "Accept: image/png\r\n", ""),
                new Hostile("an unreadable Accept", 404, "GET /api/v1/nothing-here HTTP/1.1\r\n" + user
                        + "Accept: garbage\r\n", ""),
                new Hostile("an answer the client does not accept", 406, "GET /api/v1/alerts HTTP/1.1\r\n" + user
                        + "Accept: image/png\r\n", ""),
                new Hostile("an unknown metric", 404, "GET /actuator/metrics/nope HTTP/1.1\r\n" + admin, "")));

        SoftAssertions softly = new SoftAssertions();
        for (Hostile request : table) {
            RawHttp.Response response = RawHttp.send(port, request.head(), request.body().getBytes(StandardCharsets.ISO_8859_1));
            softly.assertThat(response.status()).as(request.name()).isEqualTo(request.status());
            softly.assertThat(response.header("content-type")).as(request.name() + ": content type")
                    .startsWith("application/problem+json");
            softly.assertThat(response.body()).as(request.name() + ": body").doesNotContain("Exception", "\tat ", "<html");
            if (response.body().startsWith("{")) {
                softly.assertThat(json.readTree(response.body()).path("status").asInt()).as(request.name() + ": body status")
                        .isEqualTo(response.status());
            }
        }
        softly.assertThat(logs.events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()))
                .as("log lines at WARN or above for client errors").isEmpty();
        softly.assertAll();
    }

    /** Found by the fuzz suite: Spring Boot's Prometheus endpoint failed on an empty Accept header with a 500. */
    @Test
    void anEmptyAcceptHeaderReadsAsNone() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET /actuator/prometheus HTTP/1.1\r\nAccept: \r\n", new byte[0]);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_");
    }
}
