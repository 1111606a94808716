package dev.vigil.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word for an error no web application answered: a request refused before it reached Spring (a bad
 * %-escape in the path, headers larger than {@code server.max-http-request-header-size}) got Tomcat's HTML page;
 * here it gets a problem+json body like every other error. Never the exception or Tomcat's message, which may
 * echo the request.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // what ErrorReportValve itself checks: an error, no body yet, and nobody reported it already
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", status >= 500 ? "The request could not be served" : "The request was refused: " + title);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // the client is gone or the response closed: nothing left to tell anyone
        }
    }
}
