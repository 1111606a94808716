package dev.vigil.billing.web;

import dev.vigil.billing.domain.SubscriptionAlreadyStarted;
import dev.vigil.billing.domain.SubscriptionStatusConflict;
import dev.vigil.billing.domain.UnknownUser;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import java.net.URI;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * billing's rejections as problem+json. An unknown user answers like any missing resource; a subscription
 * that does not exist yet is Axon's AggregateNotFoundException, which the platform answers with the same 404.
 */
@RestControllerAdvice(basePackageClasses = BillingProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BillingProblems {

    static final URI ALREADY_STARTED = URI.create("https://vigil.dev/problems/subscription-already-started");
    static final URI STATUS_CONFLICT = URI.create("https://vigil.dev/problems/subscription-status-conflict");

    @ExceptionHandler(UnknownUser.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail unknownUser(UnknownUser ex) {
        return ProblemDetailsAdvice.notFound();
    }

    @ExceptionHandler(SubscriptionAlreadyStarted.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail alreadyStarted(SubscriptionAlreadyStarted ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "There is already a " + ex.status() + " subscription; change its plan or cancel it instead");
        problem.setType(ALREADY_STARTED);
        problem.setTitle("Subscription already started");
        problem.setProperty("subscriptionStatus", ex.status());
        return problem;
    }

    @ExceptionHandler(SubscriptionStatusConflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail statusConflict(SubscriptionStatusConflict ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(STATUS_CONFLICT);
        problem.setTitle("Not allowed in the subscription's status");
        problem.setProperty("subscriptionStatus", ex.status());
        return problem;
    }

    /** Two first starts for the same user at once: the event store's key let one through. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail startedConcurrently(AggregateStreamCreationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The resource was changed or created concurrently; retry the request");
        problem.setType(ProblemDetailsAdvice.CONCURRENT_CHANGE);
        problem.setTitle("Concurrent change");
        return problem;
    }
}
