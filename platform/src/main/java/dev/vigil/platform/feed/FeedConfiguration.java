package dev.vigil.platform.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.cache.ReadCacheConfiguration;
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
@AutoConfiguration(after = {ReadCacheConfiguration.class, ReplicaConfiguration.class})
@ConditionalOnBean(ReadCache.class)
public class FeedConfiguration {

    @Bean
    Feeds feeds(ReplicaReads reads, ReadCache cache, ObjectMapper json, ObjectProvider<Feed<?>> declared) {
        return new Feeds(reads, cache, json, declared);
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
