package dev.vigil.platform.input;

/**
 * A value refused by an input policy, naming the field as the caller sent it ({@code displayName},
 * {@code findings[3].sourceName}). Thrown by aggregates and value objects; the web layer answers it as a 400
 * problem naming the field. A refused command wrote nothing.
 */
public class InvalidInput extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidInput(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** Why the value was refused, without the value itself (it may be anything a caller sent). */
    public String reason() {
        return reason;
    }

    /** The same refusal for a field inside {@code parent}, such as {@code findings[3]}. */
    public InvalidInput within(String parent) {
        return new InvalidInput(parent + "." + field, reason);
    }
}
