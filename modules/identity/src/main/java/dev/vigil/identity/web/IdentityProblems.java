package dev.vigil.identity.web;

import dev.vigil.identity.domain.EmailAlreadyRegistered;
import dev.vigil.platform.web.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * identity's rejections as problem+json.
 */
@RestControllerAdvice(basePackageClasses = IdentityProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblems {

    @ExceptionHandler(EmailAlreadyRegistered.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail emailTaken(EmailAlreadyRegistered ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "email: is already registered");
        problem.setType(URI.create("https://vigil.dev/problems/email-already-registered"));
        problem.setTitle("Email already registered");
        problem.setProperty("errors", List.of(new FieldError("email", "is already registered")));
        return problem;
    }
}
