package dev.vigil.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address in its one canonical form: trimmed and lower-cased, so that uniqueness means
 * what a person expects ("Ann@Example.com " and "ann@example.com" are the same address).
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits a forward path to 256 octets, so an address to 254. */
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a valid email address");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }
}
