package dev.vigil.monitoring.web;

import dev.vigil.monitoring.domain.ExposureNotFound;
import dev.vigil.monitoring.domain.RemovalNotAllowed;
import dev.vigil.monitoring.domain.UnknownUser;
import dev.vigil.monitoring.web.FindingIngestion.IngestionInterrupted;
import dev.vigil.platform.jdbc.TransientFailures;
import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * monitoring's rejections as problem+json.
 */
@RestControllerAdvice(basePackageClasses = MonitoringProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MonitoringProblems {

    private static final Logger log = LoggerFactory.getLogger(MonitoringProblems.class);

    /**
     * Someone else's exposure answers exactly like an id that does not exist or names another kind of
     * aggregate (the platform's answer to AggregateNotFoundException and IncompatibleAggregateException).
     */
    @ExceptionHandler(ExposureNotFound.class)
    ResponseEntity<ProblemDetail> exposureNotFound(ExposureNotFound ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetailsAdvice.notFound());
    }

    @ExceptionHandler(UnknownUser.class)
    ResponseEntity<ProblemDetail> unknownUser(UnknownUser ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "userId: is not a registered user");
        problem.setType(URI.create("https://vigil.dev/problems/unknown-user"));
        problem.setTitle("Unknown user");
        problem.setProperty("errors", List.of(new FieldError("userId", "is not a registered user")));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(RemovalNotAllowed.class)
    ResponseEntity<ProblemDetail> removalNotAllowed(RemovalNotAllowed ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("https://vigil.dev/problems/removal-not-allowed"));
        problem.setTitle("Removal step not allowed");
        problem.setProperty("exposureStatus", ex.status());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * A server-side failure mid-batch: say how far it got and that the whole batch may be sent again. A database
     * failure that passes by itself (a lost connection, PgBouncer restarting) is a 503 with {@code Retry-After}, the
     * rest a 500.
     */
    @ExceptionHandler(IngestionInterrupted.class)
    ResponseEntity<ProblemDetail> ingestionInterrupted(IngestionInterrupted ex) {
        log.error("event=finding_ingestion_interrupted {}", ex.getMessage(), ex.getCause());
        boolean passes = TransientFailures.isTransient(ex.getCause());
        HttpStatus status = passes ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "findings[" + ex.index() + "] could not be stored; the findings before it were. "
                        + "Send the whole batch again: stored findings answer as DUPLICATE with the same exposure ids.");
        problem.setType(URI.create("https://vigil.dev/problems/ingestion-interrupted"));
        problem.setTitle("Ingestion interrupted");
        problem.setProperty("storedFindings", ex.index());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (passes) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.body(problem);
    }
}
