package dev.vigil.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's {@code BasicErrorController} (its own JSON, or the Whitelabel page for a browser) at the error
 * path the container forwards to after a {@code sendError} (Spring Security's firewall, the container's own 4xx):
 * the same problem+json as every other error, with the status the container was asked to send. Nothing of the
 * original message or exception is echoed. {@code /error} is no resource of its own: a request for it that no error
 * was forwarded to (security denies such a request first) is a 404, never Spring Boot's status 999.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter problems;

    ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            problems.write(request, response, ProblemDetailsAdvice.notFound());
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            log.error("{} answered to {} {}", code, request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        problems.write(request, response, status == HttpStatus.INTERNAL_SERVER_ERROR ? ProblemDetailsAdvice.unexpected()
                : sent(status));
    }

    /** Only the status: the message given with it may echo the request. */
    private static ProblemDetail sent(HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "The request could not be served" : "The request was refused: " + status.getReasonPhrase());
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
