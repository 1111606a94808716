package dev.vigil.platform.feed;

import dev.vigil.platform.web.FieldError;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * One filter a feed offers: a query parameter whose values are constants of an enum, matched against the column of
 * the same name in snake case ({@code sourceKind} filters {@code source_kind}). The same rules hold on every feed:
 * <ul>
 * <li>values match in any ASCII case, ignoring surrounding spaces ({@code status=unread} is {@code UNREAD}); a value
 * with any other character never matches: no Unicode case folding, which would take {@code crıtıcal} (dotless i) or
 * {@code ſtatus} (long s) for ASCII letters;</li>
 * <li>an {@link #oneOf} filter takes one value, given once; an {@link #anyOf} filter takes one or more, repeated
 * ({@code severity=HIGH&severity=LOW}) or comma-separated ({@code severity=HIGH,LOW});</li>
 * <li>an empty value is an error rather than "not filtered", so a client bug never silently widens a list.</li>
 * </ul>
 *
 * @param <E> the column's values
 */
public final class FeedFilter<E extends Enum<E>> {

    private static final Pattern PARAMETER = Pattern.compile("[a-z][A-Za-z]*");
    /** A value as a request may spell it: ASCII letters, digits and underscores, with spaces around. */
    private static final Pattern VALUE = Pattern.compile(" *([A-Za-z0-9_]+) *");
    /** What a value written into a statement as a literal may look like: an enum constant's name, nothing else. */
    private static final Pattern LITERAL = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String parameter;
    private final String column;
    private final Class<E> type;
    private final boolean several;
    @Nullable
    private final E ownIndexValue;

    private FeedFilter(String parameter, Class<E> type, boolean several, @Nullable E ownIndexValue) {
        if (!PARAMETER.matcher(parameter).matches()) {
            throw new IllegalArgumentException("filter parameter '" + parameter + "' must match " + PARAMETER);
        }
        this.parameter = parameter;
        this.column = parameter.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        this.type = Objects.requireNonNull(type, "type");
        this.several = several;
        this.ownIndexValue = ownIndexValue;
    }

    /** A filter on one value of the column. */
    public static <E extends Enum<E>> FeedFilter<E> oneOf(String parameter, Class<E> type) {
        return new FeedFilter<>(parameter, type, false, null);
    }

    /**
     * A filter on any of several values of the column. A feed reads one index range per value and merges them:
     * PostgreSQL cannot read {@code column = ANY(...)} from an index in the page's order.
     */
    public static <E extends Enum<E>> FeedFilter<E> anyOf(String parameter, Class<E> type) {
        return new FeedFilter<>(parameter, type, true, null);
    }

    /**
     * This filter, where {@code value} has a partial index of its own ({@code WHERE column = 'VALUE'}): a page of
     * that value names it literally, which a partial index needs to be usable at all, and a page of any other value
     * adds {@code column <> 'VALUE'}, which lets an index built {@code WHERE column <> 'VALUE'} serve it.
     */
    public FeedFilter<E> withOwnIndexFor(E value) {
        if (several) {
            throw new IllegalArgumentException(parameter + ": only a one-value filter can name a value's own index");
        }
        if (!LITERAL.matcher(value.name()).matches()) {
            throw new IllegalArgumentException(value.name() + " cannot be written into a statement as a literal");
        }
        return new FeedFilter<>(parameter, type, false, value);
    }

    public String parameter() {
        return parameter;
    }

    public boolean takesSeveral() {
        return several;
    }

    /** The values it accepts, in declaration order. */
    public List<String> values() {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    Class<E> type() {
        return type;
    }

    String column() {
        return column;
    }

    @Nullable
    E ownIndexValue() {
        return ownIndexValue;
    }

    /** Every value selected is every value there is: as good as no filter. */
    boolean selectsAll(Set<?> selected) {
        return several && selected.size() == type.getEnumConstants().length;
    }

    /**
     * The values the parameter selects, empty when it is absent; a wrong value is recorded in {@code errors}
     * (once per parameter) and selects nothing.
     *
     * @param given the parameter's values as the request carries them, null when absent
     */
    Set<E> parse(@Nullable String[] given, List<FieldError> errors) {
        Set<E> selected = EnumSet.noneOf(type);
        if (given == null || given.length == 0) {
            return selected;
        }
        if (!several && given.length > 1) {
            errors.add(new FieldError(parameter, "must be given once"));
            return selected;
        }
        for (String text : given) {
            for (String item : several ? text.split(",", -1) : new String[] {text}) {
                E value = constant(item);
                if (value == null) {
                    errors.add(new FieldError(parameter, several
                            ? "must be one or more of " + String.join(", ", values()) + ", repeated or comma-separated"
                            : "must be one of " + String.join(", ", values())));
                    return EnumSet.noneOf(type);
                }
                selected.add(value);
            }
        }
        return selected;
    }

    @Nullable
    private E constant(String text) {
        Matcher value = VALUE.matcher(text);
        if (!value.matches()) {
            return null;
        }
        String name = value.group(1).toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name))
                .findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return parameter + (several ? " (any of " : " (one of ")
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ")";
    }
}
