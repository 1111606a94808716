package dev.vigil.identity.domain;

import dev.vigil.platform.input.InvalidInput;
import dev.vigil.platform.input.TextPolicy;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address in its one canonical form: trimmed and lower-cased, so that uniqueness means
 * what a person expects ("Ann@Example.com " and "ann@example.com" are the same address). Its text keeps the
 * platform's text policy (no control characters, well-formed Unicode) before its shape is checked.
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits a forward path to 256 octets, so an address to 254. */
    public static final int MAX_LENGTH = 254;
    private static final String FIELD = "email";
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        String text = TextPolicy.require(FIELD, value, MAX_LENGTH);
        if (!text.equals(value) || !SHAPE.matcher(value).matches()) {
            throw new InvalidInput(FIELD, "must be a valid email address");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }
}
