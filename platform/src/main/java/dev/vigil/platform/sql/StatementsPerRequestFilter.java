package dev.vigil.platform.sql;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts each request's SQL statements into {@code vigil.http.statements{method, route}} (the route is the
 * mapping pattern, so cardinality stays bounded) and leaves the count in the request attribute
 * {@value RequestStatements#REQUEST_ATTRIBUTE}, where the statement-budget tests read it.
 */
final class StatementsPerRequestFilter extends OncePerRequestFilter {

    private final MeterRegistry meters;

    StatementsPerRequestFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int[] previous = RequestStatements.begin();
        try {
            chain.doFilter(request, response);
        } finally {
            int statements = RequestStatements.end(previous);
            request.setAttribute(RequestStatements.REQUEST_ATTRIBUTE, statements);
            Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            DistributionSummary.builder("vigil.http.statements")
                    .description("SQL statements per HTTP request")
                    .tag("method", request.getMethod())
                    .tag("route", route == null ? "unmapped" : route.toString())
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(statements);
        }
    }
}
