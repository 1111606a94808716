package dev.vigil.platform.feed;

import org.springframework.core.MethodParameter;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads a {@code @FeedOf} {@link FeedSelection} argument from the query string, or answers 400. */
final class FeedSelectionArgumentResolver implements HandlerMethodArgumentResolver {

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
        FeedOf feedOf = parameter.getParameterAnnotation(FeedOf.class);
        return feeds.of(feedOf.value()).select(request.getParameterMap());
    }
}
