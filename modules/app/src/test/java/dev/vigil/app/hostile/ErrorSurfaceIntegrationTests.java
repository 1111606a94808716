package dev.vigil.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.ProblemTable;
import dev.vigil.platform.testing.ProblemTable.Row;
import dev.vigil.platform.testing.RawHttp;
import dev.vigil.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
        List<Row> table = new ArrayList<>();
        for (String[] endpoint : bodyEndpoints()) {
            table.add(new Row(endpoint[0] + " truncated multipart", 415,
                    endpoint[0] + " HTTP/1.1\r\n" + endpoint[1] + MULTIPART, "--x\r\n\r\n--x--"));
            table.add(new Row(endpoint[0] + " form with a bad escape, no token", 415,
                    endpoint[0] + " HTTP/1.1\r\n" + FORM, "a=%zz"));
        }
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            table.add(new Row(method + " form with a bad escape on any path", 415,
                    method + " /api/v1/alerts HTTP/1.1\r\n" + FORM, "a=%zz"));
        }
        table.addAll(List.of(
                new Row("GET /error", 403, "GET /error HTTP/1.1\r\n", ""),
                new Row("GET /error for a browser", 403, "GET /error HTTP/1.1\r\nAccept: text/html\r\n", ""),
                new Row("an alert id that converts to nothing", 400, "GET /api/v1/alerts/%20 HTTP/1.1\r\n" + user, ""),
                new Row("an empty path segment", 400, "GET /api/v1//me HTTP/1.1\r\n" + user, ""),
                new Row("a session id in the path", 400, "GET /api/v1/me;jsessionid=1 HTTP/1.1\r\n" + user, ""),
                new Row("a bad %-escape in the path", 400, "GET /api/v1/alerts/%zz HTTP/1.1\r\n" + user, ""),
                new Row("an oversized header", 400, "GET /api/v1/me HTTP/1.1\r\n" + user + "X-Big: "
                        + "a".repeat(20_000) + "\r\n", ""),
                new Row("a non-ASCII Idempotency-Key", 400, "POST /internal/v1/users HTTP/1.1\r\n" + service + JSON
                        + "Idempotency-Key: k\u00c3\u00a9y\r\n", "{}"),
                // U+20AC as UTF-8 reads as a C1 control character in ISO-8859-1: Spring Security's firewall refuses
                // the header when the idempotency filter reads it
                new Row("an Idempotency-Key the firewall refuses", 400, "POST /internal/v1/users HTTP/1.1\r\n" + service
                        + JSON + "Idempotency-Key: k\u00e2\u0082\u00acy\r\n", "{}"),
                new Row("a method the path does not take", 405, "DELETE /api/v1/me HTTP/1.1\r\n" + user, ""),
                new Row("a read of an unknown alert", 404, "GET /api/v1/alerts/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                        + user, ""),
                new Row("a write on an unknown alert", 404, "POST /api/v1/alerts/" + UUID.randomUUID()
                        + "/read HTTP/1.1\r\n" + user, ""),
                // found by the fuzz suite (HostileRequestsIntegrationTests)
                new Row("a wildcard Content-Type", 415, "PUT /api/v1/me/profile HTTP/1.1\r\n" + user
                        + "Content-Type: */*\r\n", "{\"displayName\":\"Ada\",\"timeZone\":\"UTC\"}"),
                new Row("a wildcard subtype", 415, "POST /api/v1/subscription HTTP/1.1\r\n" + user
                        + "Content-Type: application/*\r\n", "{\"plan\":\"FREE\",\"trial\":false}"),
                new Row("a parameter name the firewall refuses", 400, "GET /api/v1/alerts?%00=1 HTTP/1.1\r\n" + user, ""),
                new Row("an error in a type the client does not accept", 404, "GET /api/v1/alerts/"
                        + UUID.randomUUID() + " HTTP/1.1\r\n" + user + "Accept: image/png\r\n", ""),
                new Row("an unreadable Accept", 404, "GET /api/v1/nothing-here HTTP/1.1\r\n" + user
                        + "Accept: garbage\r\n", ""),
                new Row("an answer the client does not accept", 406, "GET /api/v1/alerts HTTP/1.1\r\n" + user
                        + "Accept: image/png\r\n", ""),
                new Row("an unknown metric", 404, "GET /actuator/metrics/nope HTTP/1.1\r\n" + admin, "")));

        ProblemTable.assertEachAnsweredWithItsProblem(port, table, json, logs);
    }

    /** Found by the fuzz suite: Spring Boot's Prometheus endpoint failed on an empty Accept header with a 500. */
    @Test
    void anEmptyAcceptHeaderReadsAsNone() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET /actuator/prometheus HTTP/1.1\r\nAccept: \r\n", new byte[0]);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_");
    }
}
