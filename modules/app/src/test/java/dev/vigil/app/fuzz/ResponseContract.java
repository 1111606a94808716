package dev.vigil.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every response must be, whatever was sent (docs/api-conventions.md, issue 14): never a 5xx; every
 * status of 400 and above an {@code application/problem+json} body whose {@code status} is that status; no
 * stack trace and no exception class in any body. Each broken rule is one violation kind.
 */
final class ResponseContract {

    static final String SERVER_ERROR = "5xx";
    static final String NOT_PROBLEM_JSON = "error not application/problem+json";
    static final String STATUS_MISMATCH = "problem status differs from HTTP status";
    static final String STACK_TRACE = "stack trace or exception class in body";
    static final String NO_RESPONSE = "no HTTP response";

    /** A stack frame, a "Caused by", or a fully qualified exception or error class. */
    private static final Pattern STACK_TRACE_TEXT = Pattern.compile(
            "\\tat [\\w$.]+\\(|\\bat [\\w$]+(\\.[\\w$]+)+\\([\\w$]+\\.java:\\d+\\)|Caused by: "
                    + "|\\b(java|javax|jakarta|org|com|dev|io|net)\\.[a-z0-9_]+(\\.[\\w$]+)*\\.[A-Z][\\w$]*(Exception|Error)\\b");

    /**
     * Tomcat's limit on a request's line and headers (Spring Boot's default, which Vigil keeps). Refusing a longer
     * one, the server may close the connection while the client still sends the body, and the client then sees
     * no response at all (a reset discards it): for such a request, no response is not a violation.
     */
    private static final int MAX_HEAD = 8 * 1024;

    private final ObjectMapper json;

    ResponseContract(ObjectMapper json) {
        this.json = json;
    }

    List<String> violations(FuzzRequest request, FuzzResponse response) {
        List<String> broken = new ArrayList<>();
        if (!response.answered()) {
            if (request.headLength() <= MAX_HEAD) {
                broken.add(NO_RESPONSE);
            }
            return broken;
        }
        if (response.status() >= 500) {
            broken.add(SERVER_ERROR);
        }
        if (response.status() >= 400) {
            if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
                broken.add(NOT_PROBLEM_JSON + " (" + response.contentType() + ")");
            } else if (!request.method().equals("HEAD") && problemStatus(response.body()) != response.status()) {
                broken.add(STATUS_MISMATCH);
            }
        }
        if (STACK_TRACE_TEXT.matcher(response.body()).find()) {
            broken.add(STACK_TRACE);
        }
        return broken;
    }

    private int problemStatus(String body) {
        try {
            JsonNode status = json.readTree(body).path("status");
            return status.isInt() ? status.intValue() : -1;
        } catch (Exception notJson) {
            return -1;
        }
    }
}
