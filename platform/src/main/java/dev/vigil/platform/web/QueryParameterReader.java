package dev.vigil.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * An argument resolver that reads query parameters, and can say which ones and what is wrong with them without
 * throwing. {@link QueryParameterCheck} asks it before any argument is resolved, so that a request's unknown
 * parameter names and every wrong value among all its arguments are named in one 400.
 */
public interface QueryParameterReader extends HandlerMethodArgumentResolver {

    /** The names of the query parameters this argument is read from. */
    Set<String> parameterNames(MethodParameter parameter);

    /** Records in {@code errors} every wrong value of those parameters in the request. */
    void check(MethodParameter parameter, Map<String, String[]> parameters, List<FieldError> errors);
}
