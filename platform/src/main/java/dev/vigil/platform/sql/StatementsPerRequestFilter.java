package dev.vigil.platform.sql;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts each request's SQL statements into {@code vigil.http.statements{method, route}} (the route is the
 * mapping pattern, so cardinality stays bounded) and leaves the count in the request attribute
 * {@value RequestStatements#REQUEST_ATTRIBUTE}, where the statement-budget tests read it.
 */
final class StatementsPerRequestFilter extends OncePerRequestFilter {

    private final MeterRegistry meters;
    // one summary per (method, route), built once: every request passes here
    private final ConcurrentMap<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

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
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String method = request.getMethod();
            String route = pattern == null ? "unmapped" : pattern.toString();
            summaries.computeIfAbsent(method + ' ' + route, key -> DistributionSummary.builder("vigil.http.statements")
                            .description("SQL statements per HTTP request")
                            .tag("method", method)
                            .tag("route", route)
                            .publishPercentileHistogram()
                            .register(meters))
                    .record(statements);
        }
    }
}
