package dev.vigil.app.fuzz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON written by hand, so that a body can say exactly what a hostile client would: an escaped NUL, a lone
 * surrogate as {@code \ud800}, a duplicate key. A JSON library would refuse or repair such values.
 */
final class JsonText {

    private JsonText() {
    }

    /** A JSON string literal; control characters and surrogates are written as escapes, so the text stays UTF-8. */
    static String string(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !isPaired(value, i)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** An object of already-written member values, in the order given (a key may repeat). */
    static String object(List<Map.Entry<String, String>> members) {
        return members.stream().map(member -> string(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    static String array(List<String> elements) {
        return String.join(",", elements).transform(inner -> "[" + inner + "]");
    }

    private static boolean isPaired(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
