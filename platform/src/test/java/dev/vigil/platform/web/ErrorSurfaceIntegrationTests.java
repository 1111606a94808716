package dev.vigil.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.logging.LogContext;
import dev.vigil.platform.testing.ExpectedLogs;
import dev.vigil.platform.testing.ProblemTable;
import dev.vigil.platform.testing.ProblemTable.Row;
import dev.vigil.platform.testing.RawHttp;
import dev.vigil.platform.testing.TestTokens;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every answer of 400 or more is problem+json whose {@code status} is the HTTP status, whichever layer gives it
 * (Tomcat, Spring Security's firewall and entry point, the filters, Spring MVC, the error path), on a real server:
 * MockMvc never meets Tomcat. A client error logs nothing above INFO; a 5xx logs exactly one ERROR line carrying the
 * request id.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorSurfaceIntegrationTests {

    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";
    private static final String MULTIPART = "Content-Type: multipart/form-data; boundary=x\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(Logger.ROOT_LOGGER_NAME);

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    DataSource dataSource;

    private final String user = "Authorization: " + TestTokens.user(UUID.randomUUID()) + "\r\n";


    @Test
    void everyHostileRequestGetsAProblemWithItsOwnStatusAndNoWarning() throws Exception {
        List<Row> table = List.of(
                // form and multipart bodies: 415 before anything parses them, token or not (finding 3)
                new Row("PUT form with a bad escape, no token", 415, "PUT /api/v1/error-probe HTTP/1.1\r\n" + FORM, "a=%zz"),
                new Row("PATCH form, no token, unknown path", 415, "PATCH /anywhere HTTP/1.1\r\n" + FORM, "a=%zz"),
                new Row("DELETE form with a token", 415, "DELETE /api/v1/error-probe HTTP/1.1\r\n" + user + FORM, "a=%zz"),
                new Row("POST form with a token", 415, "POST /api/v1/error-probe HTTP/1.1\r\n" + user + FORM, "access_token=%zz"),
                new Row("POST truncated multipart", 415, "POST /api/v1/error-probe HTTP/1.1\r\n" + user + MULTIPART, "--x\r\n\r\n--x--"),
                new Row("PUT truncated multipart, no token", 415, "PUT /api/v1/error-probe HTTP/1.1\r\n" + MULTIPART, "--x\r\n\r\n--x--"),
                // /error is no resource: denied like every other path outside the API's areas, never 999 (finding 3)
                new Row("GET /error, no token", 403, "GET /error HTTP/1.1\r\n", ""),
                new Row("GET /error for a browser", 403, "GET /error HTTP/1.1\r\nAccept: text/html\r\n", ""),
                new Row("GET /error with a token", 403, "GET /error HTTP/1.1\r\n" + user, ""),
                new Row("POST /error with a token", 403, "POST /error HTTP/1.1\r\n" + user + JSON, "{}"),
                // bodies that agreed with no status, or were not problems (finding 6)
                new Row("a path variable that converts to nothing", 400, "GET /api/v1/error-probe/%20 HTTP/1.1\r\n" + user, ""),
                new Row("an empty path segment", 400, "GET /api/v1//error-probe HTTP/1.1\r\n" + user, ""),
                new Row("a session id in the path", 400, "GET /api/v1/error-probe;jsessionid=1 HTTP/1.1\r\n" + user, ""),
                new Row("a bad %-escape in the path", 400, "GET /api/v1/error-probe/%zz HTTP/1.1\r\n" + user, ""),
                new Row("an oversized header", 400, "GET /api/v1/error-probe/1 HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n", ""),
                new Row("a non-ASCII Idempotency-Key", 400, "POST /api/v1/error-probe HTTP/1.1\r\n" + user + JSON
                        + "Idempotency-Key: k\u00c3\u00a9y\r\n", "{}"),
                // U+20AC as UTF-8 reads as a C1 control character in ISO-8859-1: Spring Security's firewall refuses
                // the header when the idempotency filter reads it (Spring Boot's own JSON before)
                new Row("an Idempotency-Key the firewall refuses", 400, "POST /api/v1/error-probe HTTP/1.1\r\n" + user
                        + JSON + "Idempotency-Key: k\u00e2\u0082\u00acy\r\n", "{}"),
                new Row("a non-ASCII Idempotency-Key, no token", 401, "POST /api/v1/error-probe HTTP/1.1\r\n" + JSON
                        + "Idempotency-Key: k\u00c3\u00a9y\r\n", "{}"),
                // client errors that logged a WARN (finding 10)
                new Row("a method the path does not take", 405, "DELETE /api/v1/error-probe/" + UUID.randomUUID()
                        + " HTTP/1.1\r\n" + user, ""),
                new Row("an unknown API path", 404, "GET /api/v1/nothing-here HTTP/1.1\r\n" + user, ""),
                new Row("a path outside every area", 403, "GET /nothing-here HTTP/1.1\r\n", ""),
                new Row("an error a filter sends", 418, "GET /api/v1/error-probe/sent-error?status=418 HTTP/1.1\r\n" + user, ""),
                new Row("an unreadable Content-Type", 415, "POST /api/v1/error-probe HTTP/1.1\r\n" + user
                        + "Content-Type: ???\r\n", "{}"));

        ProblemTable.assertEachAnsweredWithItsProblem(port, table, json, logs);
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithOneErrorLineCarryingTheRequestId() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET /api/v1/error-probe/failure HTTP/1.1\r\n" + user);

        assertProblem(response, 500, "https://vigil.dev/problems/unexpected");
        assertThat(response.body()).doesNotContain("secret", "IllegalStateException");
        assertOneErrorLineFor(response);
    }

    /** Left to Tomcat, such a failure logged a line without the request id and answered Spring Boot's JSON. */
    @Test
    void aFilterThatFailsGivesA500ProblemWithOneErrorLineCarryingTheRequestId() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET " + FailingProbeFilter.PATH + " HTTP/1.1\r\n" + user);

        assertProblem(response, 500, "https://vigil.dev/problems/unexpected");
        assertThat(response.body()).doesNotContain("secret", "IllegalStateException");
        assertOneErrorLineFor(response);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void aServerErrorSentThroughTheErrorPageIsAProblemWithOneErrorLineCarryingTheRequestId(int status) throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET /api/v1/error-probe/sent-error?status=" + status
                + " HTTP/1.1\r\n" + user);

        assertProblem(response, status, status == 500 ? "https://vigil.dev/problems/unexpected" : "about:blank");
        assertThat(response.body()).doesNotContain("must not see");
        assertOneErrorLineFor(response);
    }

    /** A statement that waits for a lock past its timeout, where Spring answered its own JSON 500 (finding 3). */
    @ParameterizedTest
    @ValueSource(strings = {"statement", "lock"})
    void aDatabaseTimeoutIsA503ProblemWithRetryAfter(String timeout) throws Exception {
        RawHttp.Response response;
        try (Connection holder = dataSource.getConnection()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + ErrorSurfaceProbeController.LOCK + ")");
            response = RawHttp.send(port, "GET /api/v1/error-probe/lock?timeout=" + timeout + " HTTP/1.1\r\n" + user);
            holder.createStatement().execute("SELECT pg_advisory_unlock(" + ErrorSurfaceProbeController.LOCK + ")");
        }

        assertProblem(response, 503, "https://vigil.dev/problems/timeout");
        assertThat(response.header("retry-after")).isEqualTo("1");
        assertOneErrorLineFor(response);
    }

    private void assertProblem(RawHttp.Response response, int status, String type) throws Exception {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo(type);
    }

    private void assertOneErrorLineFor(RawHttp.Response response) {
        List<ILoggingEvent> errors = logs.events().stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getLevel()).isEqualTo(Level.ERROR);
        assertThat(errors.getFirst().getMDCPropertyMap()).containsEntry(LogContext.REQUEST_ID, response.header("x-request-id"));
    }
}
