package dev.vigil.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 415 to a form or multipart body before anything can parse it: the API takes JSON bodies only, and
 * the servlet container, Spring Security (an {@code access_token} form parameter) and Spring MVC would each read
 * such a body as parameters or parts, where a bad %-escape or a truncated part was a 500. A wildcard
 * ({@code *}{@code /*}, {@code application/*}) names no type at all: Spring MVC refused it with a 500. It runs before
 * authentication, so such a request gets 415 whatever its token: the answer depends on the request's own header
 * only and says nothing about the caller or the path.
 */
final class UnsupportedBodyFilter extends OncePerRequestFilter {

    static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("https://vigil.dev/problems/unsupported-media-type");

    private final ProblemWriter problems;

    UnsupportedBodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !MediaType.APPLICATION_FORM_URLENCODED.includes(type) && !"multipart".equalsIgnoreCase(type.getType())
                    && !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return true; // Spring MVC answers an unreadable Content-Type with its own 415, without parsing the body
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
                "Content-Type: request bodies must be application/json",
                List.of(new FieldError("Content-Type", "must be application/json")));
    }
}
