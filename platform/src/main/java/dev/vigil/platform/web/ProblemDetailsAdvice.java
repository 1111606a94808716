package dev.vigil.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.jdbc.DatabaseAvailability;
import dev.vigil.platform.jdbc.DatabaseUnavailableException;
import dev.vigil.platform.jdbc.LockTimeouts;
import dev.vigil.platform.jdbc.TransientFailures;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.Errors;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    public static final URI DATABASE_UNAVAILABLE = URI.create("https://vigil.dev/problems/database-unavailable");
    /** The field an error about a request body as a whole names. */
    static final String BODY = "body";
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

    /** Bean Validation of a {@code @Valid} body: every violation, each at its full path ({@code findings[3].sourceName}). */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidInput(sorted(errorsOf(ex.getBindingResult(), ""))));
    }

    /**
     * Spring's built-in method validation (a handler with constraints on its parameters, or a {@code @Valid}
     * container such as a {@code List} body): every violation of every parameter, each at its full path. A body is
     * named by its JSON path only ({@code [3].sourceName}), any other parameter by its name ({@code limit}).
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String path = pathOf(result);
            if (result instanceof ParameterErrors bound) {
                errors.addAll(errorsOf(bound, path));
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.add(new FieldError(path.isEmpty() ? BODY : path, error.getDefaultMessage())));
            }
        }
        return ResponseEntity.badRequest().body(invalidInput(sorted(errors)));
    }

    /**
     * A body Jackson could not read. Jackson stops at the first wrong value, so this names one field: the JSON path
     * of the value ({@code findings[3].severity}, {@code findings[1].dataTypes[0]}) or of the unknown property.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidInput(List.of(bodyError(ex))));
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
        if (DatabaseAvailability.isConnectionFailure(ex)) {
            return databaseUnavailableAnswer(ex);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS)).body(busy());
    }

    /**
     * The database cannot be reached: refused at once while {@code DatabaseAvailability} knows it is down, or a
     * connection that could not be made or broke (the pool's timeout with a connection failure as its cause, a
     * restarting PgBouncer). Not "busy": more capacity would not help, and an operator reads the type. Refusals are
     * counted ({@code vigil_database_unavailable_total}) and the outage logged once, so only a failure the probe had
     * not seen yet logs a line.
     */
    static ResponseEntity<ProblemDetail> databaseUnavailableAnswer(Throwable ex) {
        if (!DatabaseUnavailableException.isCause(ex)) {
            log.error("Database connection failure, answered 503: {}", ex.toString());
        }
        return retryShortly(DATABASE_UNAVAILABLE, "Database unavailable",
                "The database cannot be reached; retry in a moment");
    }

    /** Bean Validation outside MVC (a {@code @Validated} bean, a command): each violation at its property path. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(JsonPaths.of(v.getPropertyPath()), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalidInput(sorted(errors)));
    }

    private static FieldError bodyError(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof JsonMappingException)) {
            cause = cause.getCause(); // the converter's or a wrapper's exception around Jackson's
        }
        if (cause instanceof JsonMappingException mapping) {
            String path = JsonPaths.of(mapping);
            if (mapping instanceof UnrecognizedPropertyException) {
                return new FieldError(path, "is not a property of this request");
            }
            return new FieldError(path.isEmpty() ? BODY : path, reason(mapping));
        }
        if (ex.getCause() instanceof JsonProcessingException) {
            return new FieldError(BODY, "is not valid JSON");
        }
        return new FieldError(BODY, "is required, as JSON");
    }

    private static List<FieldError> errorsOf(Errors bound, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        bound.getFieldErrors().forEach(error -> errors.add(
                new FieldError(JsonPaths.join(prefix, error.getField()), error.getDefaultMessage())));
        bound.getGlobalErrors().forEach(error -> errors.add(
                new FieldError(prefix.isEmpty() ? BODY : prefix, error.getDefaultMessage())));
        return errors;
    }

    private static String pathOf(ParameterValidationResult result) {
        String name = result.getMethodParameter().hasParameterAnnotation(RequestBody.class) ? ""
                : String.valueOf(result.getMethodParameter().getParameterName());
        if (result.getContainerIndex() != null) {
            return name + "[" + result.getContainerIndex() + "]";
        }
        return result.getContainerKey() != null ? name + "[" + result.getContainerKey() + "]" : name;
    }

    private static List<FieldError> sorted(List<FieldError> errors) {
        return errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "must be " + describe(invalid.getTargetType());
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "is not valid";
    }

    /** The JSON type a value must have, in the API's words (docs/api-conventions.md). */
    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2026-12-27T10:00:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    // ---- the one error surface (issue 14): timeouts, unexpected failures, a status the body agrees with

    public static final URI TIMEOUT = URI.create("https://vigil.dev/problems/timeout");
    public static final URI UNEXPECTED = URI.create("https://vigil.dev/problems/unexpected");
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /**
     * A statement cancelled by the session's {@code statement_timeout} (SQLSTATE 57014) or a lock not granted within
     * {@code lock_timeout} (55P03), or a deadlock: the database was too slow or too contended for this request now.
     * A retry may succeed and a command's transaction rolled back, so a 503 with {@code Retry-After}, like
     * {@link #busy()}; unlike a busy answer it is a failure of the service, so it logs one ERROR.
     */
    @ExceptionHandler({QueryTimeoutException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> timeout(Exception ex) {
        log.error("Database timeout: {}", ex.getMessage());
        return timeoutAnswer();
    }

    /**
     * Spring 6 translates SQL states by their class only (without a {@code sql-error-codes.xml}), which leaves
     * PostgreSQL's {@code lock_not_available} (55P03, a {@code lock_timeout}) uncategorized; anything else
     * uncategorized is unexpected.
     */
    @ExceptionHandler(UncategorizedDataAccessException.class)
    ResponseEntity<ProblemDetail> uncategorized(UncategorizedDataAccessException ex) {
        if (LockTimeouts.isLockNotAvailable(ex)) {
            return timeout(ex);
        }
        return unexpectedOrTransient(ex);
    }

    /**
     * A failure no handler above recognised, unless a database failure that passes by itself is inside it (a lost
     * connection, a restarting PgBouncer, a serialization conflict): Axon's event store, for one, wraps those in its own
     * {@code JdbcException}. That one is a 503 with {@code Retry-After}, with one ERROR line without the stack trace;
     * the rest are 500.
     */
    private static ResponseEntity<ProblemDetail> unexpectedOrTransient(Exception ex) {
        ResponseEntity<ProblemDetail> transientAnswer = transientDatabaseFailureAnswer(ex);
        if (transientAnswer != null) {
            return transientAnswer;
        }
        log.error("Unexpected failure", ex);
        return ResponseEntity.internalServerError().body(unexpected());
    }

    /**
     * The 503 for a database failure that passes by itself, wherever it was caught (here, or by a filter): the
     * database unreachable, or a timeout, a conflict or a lost connection; null for any other failure.
     */
    static ResponseEntity<ProblemDetail> transientDatabaseFailureAnswer(Throwable ex) {
        if (DatabaseAvailability.isConnectionFailure(ex)) {
            return databaseUnavailableAnswer(ex);
        }
        if (TransientFailures.isTransient(ex)) {
            log.error("Database failure, answered 503: {}", ex.toString());
            return timeoutAnswer();
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> timeoutAnswer() {
        return retryShortly(TIMEOUT, "Timeout", "The database did not answer in time; retry in a moment");
    }

    /** A 503 problem with {@code Retry-After: }{@value #BUSY_RETRY_AFTER_SECONDS}. */
    private static ResponseEntity<ProblemDetail> retryShortly(URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(type);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(BUSY_RETRY_AFTER_SECONDS)).body(problem);
    }

    /** The one 500 body: it never carries the exception's text. */
    static ProblemDetail unexpected() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed unexpectedly; quote the X-Request-Id when reporting it");
        problem.setType(UNEXPECTED);
        problem.setTitle("Internal error");
        return problem;
    }

    /**
     * Whatever no other handler answers: one ERROR line with its stack trace (the request id is in the MDC) and a 500
     * problem. Security's exceptions (method security, and the firewall's refusal of a parameter name, which it
     * raises only when Spring MVC reads the parameters) and exceptions annotated with {@code @ResponseStatus} go on to
     * the filters and the resolver that answer them.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpectedFailure(Exception ex) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException
                || ex instanceof RequestRejectedException
                || AnnotatedElementUtils.hasAnnotation(ex.getClass(), ResponseStatus.class)) {
            throw ex;
        }
        return unexpectedOrTransient(ex);
    }

    /**
     * Every answer of Spring's own handlers passes here. Their body's {@code status} is set when the exception is
     * made, and a few exceptions set it before they know their status: a path variable that converts to nothing
     * ({@code /alerts/%20}) answered HTTP 400 with {@code "status": 500}. The body follows the response. A 5xx from
     * them is a failure of the service: one ERROR line.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Failure answered {}", statusCode.value(), ex);
        }
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && problem.getStatus() != answer.getStatusCode().value()) {
            problem.setStatus(answer.getStatusCode().value());
            if (answer.getStatusCode() instanceof HttpStatus known) {
                problem.setTitle(known.getReasonPhrase());
            }
        }
        return answer;
    }
}
