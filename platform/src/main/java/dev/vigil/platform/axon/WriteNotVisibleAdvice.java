package dev.vigil.platform.axon;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A write whose read model dead-lettered its event: 503 with {@value #TYPE} and {@code Retry-After}. The change
 * is recorded and becomes visible once an operator has fixed the cause and retried the dead letter
 * (docs/api-conventions.md, docs/projections.md). The ERROR line for it was logged by the projection when it
 * parked the event.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WriteNotVisibleAdvice {

    static final String TYPE = "https://vigil.dev/problems/write-not-visible";
    static final int RETRY_AFTER_SECONDS = 60;

    @ExceptionHandler(WriteNotVisibleException.class)
    ResponseEntity<ProblemDetail> notVisible(WriteNotVisibleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The change was recorded but is not yet visible: a read model could not apply it and operators "
                        + "have been alerted. Do not send it again as a new change; read it again later.");
        problem.setType(URI.create(TYPE));
        problem.setTitle("Write not yet visible");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
