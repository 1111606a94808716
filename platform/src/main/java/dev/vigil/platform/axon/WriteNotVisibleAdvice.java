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
 * Writes that are recorded but not known to be visible: never a success.
 * <p>
 * A write whose read model dead-lettered its event: 503 with {@value #TYPE} and {@code Retry-After}. The change
 * is recorded and becomes visible once an operator has fixed the cause and retried the dead letter
 * (docs/api-conventions.md, docs/projections.md). The ERROR line for it was logged by the projection when it
 * parked the event.
 * <p>
 * A write whose events the read models did not apply within the read-your-writes timeout: 503 with
 * {@value #NOT_CONFIRMED_TYPE} and a short {@code Retry-After}. The change is recorded and normally shows within
 * seconds (a segment changing hands after an instance stopped); the caller reads again rather than resends.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WriteNotVisibleAdvice {

    static final String TYPE = "https://vigil.dev/problems/write-not-visible";
    static final int RETRY_AFTER_SECONDS = 60;
    static final String NOT_CONFIRMED_TYPE = "https://vigil.dev/problems/write-not-confirmed";
    static final int NOT_CONFIRMED_RETRY_AFTER_SECONDS = 2;

    @ExceptionHandler(WriteNotVisibleException.class)
    ResponseEntity<ProblemDetail> notVisible(WriteNotVisibleException e) {
        return problem(TYPE, "Write not yet visible", RETRY_AFTER_SECONDS,
                "The change was recorded but is not yet visible: a read model could not apply it and operators "
                        + "have been alerted. Do not send it again as a new change; read it again later.");
    }

    @ExceptionHandler(WriteNotConfirmedException.class)
    ResponseEntity<ProblemDetail> notConfirmed(WriteNotConfirmedException e) {
        return problem(NOT_CONFIRMED_TYPE, "Write not yet confirmed", NOT_CONFIRMED_RETRY_AFTER_SECONDS,
                "The change was recorded, but the read models had not applied it when the wait ended; it normally "
                        + "shows within seconds. Do not send it again as a new change; read it again shortly.");
    }

    private static ResponseEntity<ProblemDetail> problem(String type, String title, int retryAfterSeconds, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
