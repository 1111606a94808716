package dev.vigil.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** A filter that fails on one probe path, as a broken filter would: the exception reaches no Spring MVC handler. */
@Component
class FailingProbeFilter extends OncePerRequestFilter {

    static final String PATH = "/api/v1/error-probe/filter-failure";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        throw new IllegalStateException("a secret the caller must not see");
    }
}
