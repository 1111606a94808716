package dev.vigil.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers 400 before a handler runs when its query string holds a parameter the handler does not read
 * ({@code Status=} for {@code status=}, {@code sourcekind=}), so a misspelt filter never returns the unfiltered list;
 * the same 400 names every wrong value of the parameters it does read (paging and filters together).
 * <p>
 * The names a handler reads come from its arguments, as the argument resolvers MVC uses see them: a
 * {@link QueryParameterReader} (paging, feed filters) names its own, a {@code @RequestParam} its name. A handler with
 * no such argument takes no parameters. A handler that binds whatever it is sent (a {@code @RequestParam Map}, a model
 * attribute) is not checked. Error and async dispatches are not checked: they re-enter with the original query string.
 */
final class QueryParameterCheck implements HandlerInterceptor {

    /** The arguments the readers read, by method parameter, for their resolvers ({@link QueryParameterReader#readByTheCheck}). */
    static final String READ_ARGUMENTS = QueryParameterCheck.class.getName() + ".readArguments";

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Supplier<List<HandlerMethodArgumentResolver>> resolvers;
    private final Map<Method, Accepted> accepted = new ConcurrentHashMap<>();

    /** @param resolvers MVC's argument resolvers, in the order it consults them; asked on first use */
    QueryParameterCheck(Supplier<List<HandlerMethodArgumentResolver>> resolvers) {
        this.resolvers = resolvers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Accepted parameters = accepted.computeIfAbsent(method.getMethod(), key -> accepted(method));
        if (parameters.any()) {
            return true;
        }
        Map<String, String[]> given = request.getParameterMap();
        List<FieldError> errors = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!parameters.names().contains(name)) {
                errors.add(new FieldError(name, parameters.names().isEmpty()
                        ? "is not a parameter of this endpoint, which takes none"
                        : "is not a parameter of this endpoint; it takes " + String.join(", ", parameters.names())));
            }
        }
        Map<MethodParameter, Object> read = new HashMap<>();
        parameters.readers().forEach((parameter, reader) -> read.put(parameter, reader.read(parameter, given, errors)));
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetailsAdvice.invalidInput(errors), null);
        }
        if (!read.isEmpty()) {
            request.setAttribute(READ_ARGUMENTS, read);
        }
        return true;
    }

    private Accepted accepted(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        Map<MethodParameter, QueryParameterReader> readers = new LinkedHashMap<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES); // as MVC does before it resolves the argument
            HandlerMethodArgumentResolver resolver = resolverFor(parameter);
            if (resolver instanceof QueryParameterReader reader) {
                names.addAll(reader.parameterNames(parameter));
                readers.put(parameter, reader);
            } else if (resolver instanceof RequestParamMapMethodArgumentResolver
                    || resolver instanceof ModelAttributeMethodProcessor) {
                return Accepted.ANY;
            } else if (resolver instanceof RequestParamMethodArgumentResolver) {
                names.add(requestParamName(parameter));
            }
        }
        return new Accepted(false, new TreeSet<>(names), readers);
    }

    @Nullable
    private HandlerMethodArgumentResolver resolverFor(MethodParameter parameter) {
        return resolvers.get().stream().filter(resolver -> resolver.supportsParameter(parameter)).findFirst().orElse(null);
    }

    private static String requestParamName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        String name = annotation == null ? null : annotation.name();
        return StringUtils.hasText(name) ? name : String.valueOf(parameter.getParameterName());
    }

    /** What a handler reads: {@code any} name, or these {@code names}, of which {@code readers} check values. */
    private record Accepted(boolean any, Set<String> names, Map<MethodParameter, QueryParameterReader> readers) {

        static final Accepted ANY = new Accepted(true, Set.of(), Map.of());
    }
}
