package dev.vigil.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generated request: the raw request target (path and query, as sent on the wire), the route template it
 * was made from (for grouping), its headers and body, and which kind of token it carries (for the report).
 */
record FuzzRequest(String method, String target, String template, String token, List<Map.Entry<String, String>> headers,
        byte[] body) {

    private static final int SHOWN = 240;

    /** The size of the request line and headers, roughly as sent. */
    int headLength() {
        return method.length() + target.length() + headers.stream()
                .mapToInt(header -> header.getKey().length() + header.getValue().length() + 4).sum();
    }

    /** How the report shows it: control characters, non-ASCII and huge values made visible and short. */
    String describe() {
        String shownHeaders = headers.stream()
                .filter(header -> !header.getKey().equalsIgnoreCase("Authorization"))
                .map(header -> header.getKey() + ": " + visible(header.getValue()))
                .collect(Collectors.joining(", "));
        return method + " " + visible(target) + " [token " + token + (shownHeaders.isEmpty() ? "" : "; " + shownHeaders)
                + "]" + (body.length == 0 ? "" : " body(" + body.length + " bytes)=" + visible(new String(body, StandardCharsets.UTF_8)));
    }

    static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length() && shown.length() < SHOWN; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c) || c > 0x7e && c < 0x100) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return text.length() > SHOWN || shown.length() >= SHOWN
                ? shown + "...(" + text.length() + " chars)"
                : shown.toString();
    }
}
