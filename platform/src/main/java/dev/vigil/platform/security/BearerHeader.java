package dev.vigil.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The token of an {@code Authorization: Bearer} header, as Spring Security's {@code DefaultBearerTokenResolver} reads
 * it with its defaults (the header only, never a parameter), checked by a loop instead of its case-insensitive regular
 * expression {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, which ran over the whole token on every request (4 % of
 * the fixed endpoint's CPU, docs/performance.md, "Per-request cost"). A header that starts with "bearer" but is not
 * such a token is the same 401 {@code invalid_token}; any other header is no bearer token at all.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(PREFIX.length());
    }

    /** "Bearer " in any case, then one or more token characters, then any number of '='. */
    static boolean wellFormed(String authorization) {
        if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        int i = PREFIX.length();
        int end = authorization.length();
        while (i < end && tokenCharacter(authorization.charAt(i))) {
            i++;
        }
        if (i == PREFIX.length()) {
            return false;
        }
        while (i < end && authorization.charAt(i) == '=') {
            i++;
        }
        return i == end;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
