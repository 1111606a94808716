package dev.vigil.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a problem body to an error answered without one. Spring MVC drops a problem it cannot write in a type the
 * client accepts ({@code Accept: image/png} on an unknown id gave a bare 404, and every status a bare 406), and the
 * actuator answers an unknown metric with an empty 404. An error's body is problem+json whatever the request
 * accepts (docs/api-conventions.md#errors), so what is still unwritten when the request comes back out is written
 * here. An error sent to the error page ({@code sendError}) counts as committed (Tomcat suspends the response) and is
 * left to {@link ProblemErrorController}.
 */
final class EmptyErrorBodyFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    EmptyErrorBodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400 && response.getContentType() == null && !response.isCommitted()
                && request.getDispatcherType() == DispatcherType.REQUEST) {
            HttpStatus known = HttpStatus.resolve(status);
            problems.write(request, response, ProblemDetail.forStatus(known != null ? known : HttpStatus.BAD_REQUEST));
        }
    }
}
