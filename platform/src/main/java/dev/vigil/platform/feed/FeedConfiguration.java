package dev.vigil.platform.feed;

import dev.vigil.platform.response.CachedResponses;
import dev.vigil.platform.response.ResponseConfiguration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import dev.vigil.platform.jdbc.ReplicaConfiguration;
import dev.vigil.platform.jdbc.ReplicaReads;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets modules declare feeds, and controllers take a {@code @FeedOf} {@link FeedSelection} argument. */
@AutoConfiguration(after = {ResponseConfiguration.class, ReplicaConfiguration.class})
@ConditionalOnBean(CachedResponses.class)
public class FeedConfiguration {

    @Bean
    Feeds feeds(ReplicaReads reads, CachedResponses responses, ObjectProvider<Feed<?>> declared) {
        return new Feeds(reads, responses, declared);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebMvcConfigurer feedSelectionArgument(Feeds feeds) {
        FeedSelectionArgumentResolver resolver = new FeedSelectionArgumentResolver(feeds);
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
