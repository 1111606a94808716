package dev.vigil.alerting.web;

import dev.vigil.alerting.domain.AlertNotFound;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * alerting's rejections as problem+json. Every way an id can fail to name one of the caller's alerts goes
 * through one method, so the answers cannot drift apart, and the body matches the platform's own "not found":
 * <ul>
 * <li>no events under the id: Axon's {@link AggregateNotFoundException};</li>
 * <li>another user's alert: the aggregate's {@link AlertNotFound};</li>
 * <li>the id of another aggregate (an alert id is a bare UUID, like a user's or an exposure's): sourcing the
 * alert from that stream leaves it without an id, and Axon throws {@link IncompatibleAggregateException}. An
 * alert's own stream cannot do that (its first event sets the id), so here it only ever means "not an alert".
 * {@code @Aggregate(filterEventsByType = true)} would turn this case into the first one, but Axon 4.13's Spring
 * Boot aggregate registration ({@code SpringAggregateLookup}) does not pass that attribute on.</li>
 * </ul>
 */
@RestControllerAdvice(basePackageClasses = AlertingProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertingProblems {

    @ExceptionHandler({AlertNotFound.class, AggregateNotFoundException.class, IncompatibleAggregateException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetailsAdvice.notFound();
    }
}
