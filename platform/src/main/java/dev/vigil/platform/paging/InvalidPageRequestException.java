package dev.vigil.platform.paging;

import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A paging parameter the request got wrong. As an {@link ErrorResponseException} carrying the platform's
 * invalid-input problem, it is answered by the web package's advice like any other bad input: a 400
 * problem+json naming the field.
 */
final class InvalidPageRequestException extends ErrorResponseException {

    static final String CURSOR_NOT_VALID = "is not valid for this request";

    private final List<FieldError> errors;

    InvalidPageRequestException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
        this.errors = List.copyOf(errors);
    }

    static InvalidPageRequestException invalidCursor() {
        return new InvalidPageRequestException(List.of(new FieldError(PageRequest.CURSOR, CURSOR_NOT_VALID)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
