package dev.vigil.monitoring.web;

import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Filter parameters of the exposure list that are wrong: answered as the platform's 400 naming each of them. */
final class InvalidExposureFilters extends ErrorResponseException {

    InvalidExposureFilters(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
    }
}
