package dev.vigil.platform.paging;

import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.QueryParameterReader;
import dev.vigil.platform.web.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@code limit}, {@code offset} and {@code cursor} from the query string into a {@link PageRequest}, or
 * answers 400 with every paging parameter that is wrong. Nothing a client sends here can cause a 500.
 */
final class PageRequestArgumentResolver implements QueryParameterReader {

    private static final Set<String> NAMES = Set.of(PageRequest.LIMIT, PageRequest.OFFSET, PageRequest.CURSOR);

    /** Digits only: no sign, no decimals, no spaces; the length check keeps parsing within int. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");
    private static final int MAX_INT_DIGITS = 9;

    private final CursorCodec cursors;
    private final int maxOffset;

    PageRequestArgumentResolver(CursorCodec cursors, int maxOffset) {
        this.cursors = cursors;
        this.maxOffset = maxOffset;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageRequest.class;
    }

    @Override
    public PageRequest resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
        if (QueryParameterReader.readByTheCheck(request, parameter) instanceof PageRequest read) {
            return read;
        }
        List<FieldError> errors = new ArrayList<>();
        PageRequest page = read(request.getParameterMap(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidPageRequestException(errors);
        }
        return page;
    }

    @Override
    public Set<String> parameterNames(MethodParameter parameter) {
        return NAMES;
    }

    @Override
    public PageRequest read(MethodParameter parameter, Map<String, String[]> parameters, List<FieldError> errors) {
        return read(parameters, errors);
    }

    /** The page asked for; every paging parameter at fault is recorded in {@code errors}. */
    private PageRequest read(Map<String, String[]> parameters, List<FieldError> errors) {
        String limitText = QueryParameters.single(parameters, PageRequest.LIMIT, errors);
        String offsetText = QueryParameters.single(parameters, PageRequest.OFFSET, errors);
        String cursor = QueryParameters.single(parameters, PageRequest.CURSOR, errors);

        int limit = PageRequest.DEFAULT_LIMIT;
        if (limitText != null) {
            limit = parse(limitText);
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                errors.add(new FieldError(PageRequest.LIMIT, "must be between 1 and " + PageRequest.MAX_LIMIT));
            }
        }
        Integer offset = null;
        if (offsetText != null) {
            offset = parse(offsetText);
            if (offset > maxOffset) {
                errors.add(new FieldError(PageRequest.OFFSET, "must be at most " + maxOffset
                        + "; to read further, follow nextCursor (cursor paging) from an earlier page"));
            } else if (offset < 0) {
                errors.add(new FieldError(PageRequest.OFFSET, "must be between 0 and " + maxOffset));
            }
            if (cursor != null) {
                errors.add(new FieldError(PageRequest.OFFSET, "cannot be combined with cursor"));
            }
        }
        return new PageRequest(limit, offset, cursor, cursors);
    }

    /**
     * A non-negative int, {@link Integer#MAX_VALUE} for a longer run of digits (above every allowed value), or
     * -1 for anything that is not digits: either way the range check rejects what is out of range.
     */
    private static int parse(String text) {
        if (!DIGITS.matcher(text).matches()) {
            return -1;
        }
        String significant = LEADING_ZEROS.matcher(text).replaceFirst("");
        return significant.length() > MAX_INT_DIGITS ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }
}
