package dev.vigil.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.vigil.platform.input.InvalidInput;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad input into 400 problem+json with an {@code errors} list of {@link FieldError}s, never a 500.
 * A command for an aggregate that does not exist is a 404; two commands racing on one aggregate, a 409; no free
 * database connection, a 503.
 * Module advices (ordered before this one) map their own domain rejections.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final URI INVALID_INPUT = URI.create("https://vigil.dev/problems/invalid-input");
    public static final URI NOT_FOUND = URI.create("https://vigil.dev/problems/not-found");
    public static final URI CONCURRENT_CHANGE = URI.create("https://vigil.dev/problems/concurrent-change");
    public static final URI BUSY = URI.create("https://vigil.dev/problems/busy");
    /** Seconds a client should wait before retrying a request refused as {@link #busy()}. */
    static final int BUSY_RETRY_AFTER_SECONDS = 1;

    /** A 400 problem naming the fields at fault. */
    public static ProblemDetail invalidInput(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ResponseEntity.badRequest().body(invalidInput(List.of(new FieldError(field, reason(mapping)))));
        }
        return ResponseEntity.badRequest().body(invalidInput(List.of(new FieldError("body", "is not valid JSON"))));
    }

    /**
     * A value an aggregate refused under the platform's input policies ({@link InvalidInput}): the same 400 as a
     * request record's constraint, for a command that reached the domain by another path.
     */
    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> refusedInput(InvalidInput ex) {
        return ResponseEntity.badRequest().body(invalidInput(List.of(new FieldError(ex.field(), ex.reason()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String expected = ex.getRequiredType() == null ? "a valid value" : describe(ex.getRequiredType());
        return ResponseEntity.badRequest().body(invalidInput(List.of(new FieldError(ex.getName(), "must be " + expected))));
    }

    /** The one 404 body: a missing id and another user's id must be indistinguishable. */
    public static ProblemDetail notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource");
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return problem;
    }

    /**
     * A missing aggregate, or an id that names an aggregate of another type (Axon then cannot rebuild the
     * one asked for and throws {@link IncompatibleAggregateException}): both are simply not there.
     */
    @ExceptionHandler({AggregateNotFoundException.class, IncompatibleAggregateException.class, NotFound.class})
    ResponseEntity<ProblemDetail> aggregateNotFound(Exception ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed or created concurrently; retry the request");
        problem.setType(CONCURRENT_CHANGE);
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * The one 503 body, for a request the service had no capacity for (no turn, no database connection); sent
     * with {@code Retry-After: }{@value #BUSY_RETRY_AFTER_SECONDS}.
     */
    static ProblemDetail busy() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is too busy to answer now; retry in a moment");
        problem.setType(BUSY);
        problem.setTitle("Busy");
        return problem;
    }

    /**
     * No database connection: none came free within {@code spring.datasource.hikari.connection-timeout} (a saturated pool,
     * counted in {@code hikaricp_connections_timeout_total}, which pages: docs/ops/alerts.yml) or the database
     * cannot be reached. Temporary, and the client's retry may succeed, so a 503 with {@code Retry-After},
     * never a 500. Nothing was written: a command's transaction never began.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> busy(Exception ex) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS)).body(busy());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(errors));
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException invalid) {
            return "must be " + describe(invalid.getTargetType());
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "is not valid";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a valid " + type.getSimpleName();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
