package dev.vigil.platform.web;

import dev.vigil.platform.logging.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The last stop for an exception nothing answered (one thrown by a filter, or one Spring MVC let through): one ERROR
 * line, while the request id is still in the MDC, and a 500 problem without the exception's text; a database failure
 * that passes by itself (the database gone, a timeout) is the same 503 the API's handlers answer. Left to the
 * servlet container, the same failure logged a line without the request id and answered Spring Boot's own JSON.
 */
final class UnhandledFailureFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnhandledFailureFilter.class);

    private final ProblemWriter problems;

    UnhandledFailureFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (DisconnectedClientHelper.isClientDisconnectedException(failure)) {
                log.debug("Client went away while {} {} was served", request.getMethod(), request.getRequestURI());
                return;
            }
            ResponseEntity<ProblemDetail> transientAnswer = ProblemDetailsAdvice.transientDatabaseFailureAnswer(failure);
            if (transientAnswer == null) {
                log.error("Unhandled failure serving {} {}", request.getMethod(), request.getRequestURI(), failure);
            }
            if (!response.isCommitted()) {
                String requestId = response.getHeader(RequestIdFilter.HEADER);
                response.reset();
                if (requestId != null) {
                    response.setHeader(RequestIdFilter.HEADER, requestId);
                }
                if (transientAnswer == null) {
                    problems.write(request, response, ProblemDetailsAdvice.unexpected());
                } else {
                    transientAnswer.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                    problems.write(request, response, transientAnswer.getBody());
                }
            }
        }
    }
}
