package dev.vigil.platform.sql;

import dev.vigil.platform.logging.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.lang.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who ran a statement: the HTTP route (method and mapping pattern) or the event processor, and the request id
 * the caller sees in {@code X-Request-Id}. Captured on the statement's own thread, before it runs, so that a
 * report made from elsewhere while it still runs can name them.
 *
 * @param origin {@code GET /api/v1/alerts}, {@code processor alerting-feed}, or {@code thread <name>}
 * @param requestId the request's id, or {@code -} outside a request
 */
record StatementOrigin(String origin, String requestId) {

    static StatementOrigin current() {
        String requestId = MDC.get(LogContext.REQUEST_ID);
        // the request id marks a request being served (RequestIdFilter runs first); a bound request without
        // one is not (a test's mock request, for instance)
        HttpServletRequest request = requestId == null ? null : currentRequest();
        if (request != null) {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            // before handler mapping (security, idempotency filters) only the raw path is known
            String route = pattern != null ? pattern.toString() : request.getRequestURI();
            return new StatementOrigin(request.getMethod() + " " + route, requestId);
        }
        String processor = MDC.get(LogContext.PROCESSOR);
        String origin = processor != null ? "processor " + processor : "thread " + Thread.currentThread().getName();
        return new StatementOrigin(origin, requestId == null ? "-" : requestId);
    }

    @Nullable
    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
