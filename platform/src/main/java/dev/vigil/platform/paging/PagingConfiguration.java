package dev.vigil.platform.paging;

import dev.vigil.platform.security.JwtProperties;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers take a {@link PageRequest} argument. Cursors are signed with a key derived from the JWT
 * secret, so there is no second secret to provision or rotate.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({PagingProperties.class, JwtProperties.class})
public class PagingConfiguration {

    @Bean
    WebMvcConfigurer pageRequestArgument(PagingProperties paging, JwtProperties jwt) {
        PageRequestArgumentResolver resolver =
                new PageRequestArgumentResolver(CursorCodec.keyedBy(jwt.secret()), paging.maxOffset());
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(resolver);
            }
        };
    }
}
