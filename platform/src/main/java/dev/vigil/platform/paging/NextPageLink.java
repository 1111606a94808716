package dev.vigil.platform.paging;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The RFC 8288 {@code Link} header value for the next page: the current request with {@code cursor} replaced and
 * {@code offset} removed. The target is a path-absolute reference that the client resolves against the URL it
 * called, so it stays right behind proxies that rewrite the host or scheme.
 */
final class NextPageLink {

    private NextPageLink() {
    }

    static String to(HttpServletRequest request, String nextCursor) {
        StringBuilder target = new StringBuilder(request.getRequestURI()).append('?');
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (name.equals(PageRequest.CURSOR) || name.equals(PageRequest.OFFSET)) {
                continue;
            }
            for (String value : parameter.getValue()) {
                target.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        }
        // base64url needs no encoding
        target.append(PageRequest.CURSOR).append('=').append(nextCursor);
        return "<" + target + ">; rel=\"next\"";
    }

    /**
     * Every byte outside {@code [A-Za-z0-9.*_-]} percent-encoded, a space as {@code %20} rather than the form
     * encoding's {@code +}, which not every client decodes as a space. Nothing is left that could end the
     * {@code <...>} of the header.
     */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
