package dev.vigil.platform.security;

import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.security.config.BeanIds;

/**
 * Puts Spring Security's own filter chain back where Spring Security 6.5 wraps it, when Spring MVC is present, in a
 * filter that asks every handler mapping which handler each request would reach ({@code HandlerMappingIntrospector}'s
 * cache), for request matchers of the {@code MvcRequestMatcher} kind and MVC's CORS configuration. Vigil matches
 * paths with {@code PathPattern} ({@link SecurityConfiguration}) and has no CORS, so nothing reads that answer; finding
 * it was a second handler lookup per request, a tenth of the fixed endpoint's CPU (docs/performance.md, "Per-request
 * cost"). Runs after Spring Security's registry post-processor (declared after it); leaves an unexpected shape alone.
 */
final class UnwrapIntrospectorCache implements BeanDefinitionRegistryPostProcessor {

    private static final String COMPOSITE = "WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
        if (!registry.containsBeanDefinition(BeanIds.SPRING_SECURITY_FILTER_CHAIN)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(BeanIds.SPRING_SECURITY_FILTER_CHAIN);
        if (chain.getBeanClassName() == null || !chain.getBeanClassName().endsWith(COMPOSITE)) {
            return;
        }
        ValueHolder filters = chain.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        // [the introspector's cache filter, the FilterChainProxy it wraps]
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(1) instanceof BeanDefinition proxy) {
            registry.removeBeanDefinition(BeanIds.SPRING_SECURITY_FILTER_CHAIN);
            registry.registerBeanDefinition(BeanIds.SPRING_SECURITY_FILTER_CHAIN, proxy);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}
