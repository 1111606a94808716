package dev.vigil.platform.feed;

import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.QueryParameterReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads a {@code @FeedOf} {@link FeedSelection} argument from the query string, or answers 400; tells the platform's
 * query parameter check which parameters that is.
 */
final class FeedSelectionArgumentResolver implements QueryParameterReader {

    private final Feeds feeds;

    FeedSelectionArgumentResolver(Feeds feeds) {
        this.feeds = feeds;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == FeedSelection.class && parameter.hasParameterAnnotation(FeedOf.class);
    }

    @Override
    public FeedSelection resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
        if (QueryParameterReader.readByTheCheck(request, parameter) instanceof FeedSelection read) {
            return read;
        }
        return feedOf(parameter).select(request.getParameterMap());
    }

    @Override
    public Set<String> parameterNames(MethodParameter parameter) {
        return feedOf(parameter).parameterNames();
    }

    @Override
    public FeedSelection read(MethodParameter parameter, Map<String, String[]> parameters, List<FieldError> errors) {
        return feedOf(parameter).read(parameters, errors);
    }

    private Feed<?> feedOf(MethodParameter parameter) {
        return feeds.of(Objects.requireNonNull(parameter.getParameterAnnotation(FeedOf.class)).value());
    }
}
