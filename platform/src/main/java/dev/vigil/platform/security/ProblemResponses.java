package dev.vigil.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * 400 (the firewall), 401 and 403 as problem+json like every other error, with the RFC 6750 {@code WWW-Authenticate} header.
 * The detail never says which check a token failed beyond "invalid", so it teaches a forger nothing.
 */
final class ProblemResponses {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final ProblemWriter problems;

    ProblemResponses(ObjectMapper json) {
        this.problems = new ProblemWriter(json);
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // a token that fails verification, and one too malformed to read (refused before verification): both invalid
        boolean invalidToken = failure instanceof OAuth2AuthenticationException oauth
                && OAuth2ErrorCodes.INVALID_TOKEN.equals(oauth.getError().getErrorCode());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalidToken
                ? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\""
                : "Bearer");
        write(response, request, HttpStatus.UNAUTHORIZED, invalidToken
                ? "The bearer token is invalid or expired"
                : "A bearer token is required");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(response, request, HttpStatus.FORBIDDEN, "The bearer token's scope does not allow this request");
    }

    /** The firewall's reason is not echoed: it quotes the request. */
    void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(response, request, HttpStatus.BAD_REQUEST, "The request's path or headers are not acceptable");
    }

    private void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String detail)
            throws IOException {
        problems.write(request, response, status, ABOUT_BLANK, detail, List.of());
    }
}
