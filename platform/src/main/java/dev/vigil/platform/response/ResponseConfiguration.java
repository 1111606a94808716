package dev.vigil.platform.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.cache.ReadCache;
import dev.vigil.platform.cache.ReadCacheConfiguration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@link CachedResponses} on the read cache, and the converter that writes their bytes. */
@AutoConfiguration(after = ReadCacheConfiguration.class)
@ConditionalOnBean(ReadCache.class)
public class ResponseConfiguration {

    @Bean
    CachedResponses cachedResponses(ReadCache cache, ObjectMapper json) {
        return new CachedResponses(cache, json);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebMvcConfigurer jsonResponseConverter() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.add(0, new JsonResponseConverter());
            }
        };
    }
}
