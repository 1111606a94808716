package dev.vigil.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id the user can quote: the caller's {@code X-Request-Id} when it is a sane token (a
 * proxy or the web app may have made one), otherwise a new UUID. It is returned in {@code X-Request-Id} and
 * kept in the MDC for the request's log lines, including slow-statement reports.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The request's id, kept for the container's error dispatch, which runs after this filter has returned. */
    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    /** The error path's log lines (a 5xx sent by the container) carry the request's id too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getAttribute(ATTRIBUTE) instanceof String known ? known : newId(request);
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(LogContext.REQUEST_ID, requestId)) {
            chain.doFilter(request, response);
        }
    }

    private static String newId(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
