package dev.vigil.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/** Rules for query parameters that every reader of them shares. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The parameter's only value, null when absent; given more than once, it is recorded in {@code errors} as an
     * error rather than guessed at, and reads as absent.
     */
    @Nullable
    public static String single(Map<String, String[]> parameters, String name, List<FieldError> errors) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            errors.add(new FieldError(name, "must be given once"));
            return null;
        }
        return values[0];
    }
}
