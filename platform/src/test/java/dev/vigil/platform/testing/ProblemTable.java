package dev.vigil.platform.testing;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * A table of hostile requests sent over a raw socket (Tomcat included, which MockMvc skips), each of which must get
 * its status as problem+json whose {@code status} agrees, with no stack trace in the body and no line at WARN or above
 * in the log: a client error is an answer, not an incident.
 */
public final class ProblemTable {

    /** One hostile request: the request line and headers ({@code head}), its body, and the status it must get. */
    public record Row(String name, int status, String head, String body) {
    }

    private ProblemTable() {
    }

    public static void assertEachAnsweredWithItsProblem(int port, List<Row> rows, ObjectMapper json, ExpectedLogs logs)
            throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Row request : rows) {
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
}
