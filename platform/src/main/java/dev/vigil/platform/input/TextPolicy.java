package dev.vigil.platform.input;

import java.util.Optional;

/**
 * The one rule for every text field Vigil stores: a display name, an email address, a time zone id, a source
 * name, a reason, an alert title.
 * <ul>
 * <li><b>No control characters and no line breaks</b>: nothing of Unicode category Cc (U+0000..U+001F, U+007F..U+009F,
 * tab, newline and NEL included), no LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029). Every text field
 * Vigil has is a single line; PostgreSQL refuses U+0000 in text outright, and the others break logs, CSV exports and
 * list rows. Surrounding white space is removed before the check ({@link #require}, and the request records), so
 * only characters inside the text count.</li>
 * <li><b>Well-formed Unicode</b>: a surrogate only as half of a pair (an emoji is fine). A lone surrogate has no
 * UTF-8 encoding; the database driver would store it as {@code ?}.</li>
 * <li><b>A maximum length per field</b>, in characters as PostgreSQL counts them for {@code VARCHAR(n)}: Unicode code
 * points, so an emoji is one character, not two UTF-16 units.</li>
 * </ul>
 * Everything else is allowed: letters of any script, accents, emoji and their joiners, private-use characters.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /**
     * The text as it is stored (surrounding white space removed), when it is present, not blank and within the
     * policy.
     *
     * @throws InvalidInput naming {@code field} otherwise
     */
    public static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be blank");
        }
        String stripped = value.strip();
        Optional<String> violation = violation(stripped, maxLength);
        if (violation.isPresent()) {
            throw new InvalidInput(field, violation.get());
        }
        return stripped;
    }

    /** Why {@code value} breaks the policy, or empty when it keeps it. Blank and empty text keep it. */
    public static Optional<String> violation(String value, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, not " + maxLength);
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            switch (Character.getType(codePoint)) {
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                    return Optional.of("must not contain control characters or line breaks (found "
                            + unicode(codePoint) + ")");
                }
                case Character.SURROGATE -> {
                    return Optional.of("must be well-formed Unicode (found the unpaired surrogate "
                            + unicode(codePoint) + ")");
                }
                default -> i += Character.charCount(codePoint);
            }
        }
        int length = length(value);
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters long, not " + length);
        }
        return Optional.empty();
    }

    /** Characters as PostgreSQL counts them: Unicode code points. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static String unicode(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
