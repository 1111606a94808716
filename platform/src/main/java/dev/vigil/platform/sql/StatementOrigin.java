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
 * Who runs a statement: an HTTP request (its method and mapping pattern) or an event processor or otherwise a
 * thread, and the request id the caller sees in {@code X-Request-Id}. Noted cheaply for every statement on its own
 * thread; the text is only built for a report.
 */
record StatementOrigin(@Nullable HttpServletRequest request, @Nullable String processor, String thread,
        @Nullable String requestId) {

    static StatementOrigin current() {
        String requestId = MDC.get(LogContext.REQUEST_ID);
        // the request id marks a request being served (RequestIdFilter runs first); a bound request without
        // one is not (a test's mock request, for instance)
        HttpServletRequest request = requestId == null ? null : currentRequest();
        String processor = request == null ? MDC.get(LogContext.PROCESSOR) : null;
        return new StatementOrigin(request, processor, Thread.currentThread().getName(), requestId);
    }

    /** {@code GET /api/v1/alerts}, {@code processor alerting-feed}, or {@code thread <name>}. */
    String describe() {
        if (request != null) {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            // before handler mapping (security, idempotency filters) only the raw path is known
            return request.getMethod() + " " + (pattern != null ? pattern.toString() : request.getRequestURI());
        }
        return processor != null ? "processor " + processor : "thread " + thread;
    }

    String requestIdOrDash() {
        return requestId == null ? "-" : requestId;
    }

    @Nullable
    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
