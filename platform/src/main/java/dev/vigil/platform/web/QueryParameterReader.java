package dev.vigil.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.lang.Nullable;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * An argument resolver that reads query parameters, and can say which ones and what is wrong with them without
 * throwing. {@link QueryParameterCheck} asks it before any argument is resolved, so that a request's unknown
 * parameter names and every wrong value among all its arguments are named in one 400; what it read then serves as the
 * argument ({@link #readByTheCheck}).
 */
public interface QueryParameterReader extends HandlerMethodArgumentResolver {

    /** The names of the query parameters this argument is read from. */
    Set<String> parameterNames(MethodParameter parameter);

    /**
     * Reads the argument from the request's parameters, recording every wrong value in {@code errors}; the value is
     * meaningful only when none was recorded.
     */
    Object read(MethodParameter parameter, Map<String, String[]> parameters, List<FieldError> errors);

    /**
     * The argument {@link QueryParameterCheck} already read for this request, or null when it did not (no check ran):
     * a resolver hands it over rather than parsing the query string (and decoding a cursor) a second time.
     */
    @Nullable
    static Object readByTheCheck(NativeWebRequest request, MethodParameter parameter) {
        Object values = request.getAttribute(QueryParameterCheck.READ_ARGUMENTS, RequestAttributes.SCOPE_REQUEST);
        return values instanceof Map<?, ?> read ? read.get(parameter) : null;
    }
}
