package dev.vigil.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problem+json from servlet filters, which run before Spring MVC's exception handling, in the same
 * shape as {@link ProblemDetailsAdvice}.
 */
public final class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
            String detail, List<FieldError> errors) throws IOException {
        write(request, response, status.value(), type, status.getReasonPhrase(), detail, errors);
    }

    /** One of {@link ProblemDetailsAdvice}'s shared problems, such as {@link ProblemDetailsAdvice#busy()}. */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(request, response, problem.getStatus(), problem.getType(), problem.getTitle(), problem.getDetail(),
                List.of());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, URI type, String title,
            String detail, List<FieldError> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
