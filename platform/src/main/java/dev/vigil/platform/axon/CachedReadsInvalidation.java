package dev.vigil.platform.axon;

import dev.vigil.platform.cache.CacheSpace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Wraps one processor's event handling and carries out its projections' {@link CachedReads}: after each
 * handler, it asks the read cache to drop the event's user's entries in the declared spaces once the
 * transaction commits ({@code ReadCache#invalidateAfterCommit}). The cache does that in a transaction
 * synchronization, which runs inside the commit and so before {@link ProjectionMonitor} reports the event
 * applied (an after-commit step of the unit of work).
 */
final class CachedReadsInvalidation implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Set<CacheSpace> spaces;
    private final BiConsumer<CacheSpace, UUID> invalidateAfterCommit;

    private CachedReadsInvalidation(Set<CacheSpace> spaces, BiConsumer<CacheSpace, UUID> invalidateAfterCommit) {
        this.spaces = spaces;
        this.invalidateAfterCommit = invalidateAfterCommit;
    }

    /**
     * The interceptor for {@code processorName}: the spaces declared by the projections of the processing group
     * of that name (one processing group per read model and processor, so each can be rebuilt alone). A
     * processor without cached reads gets one that only proceeds.
     */
    static MessageHandlerInterceptor<EventMessage<?>> forProcessor(String processorName, List<CachedReads> projections,
            BiConsumer<CacheSpace, UUID> invalidateAfterCommit) {
        Set<CacheSpace> spaces = new LinkedHashSet<>();
        projections.stream()
                .filter(projection -> processingGroupOf(projection).equals(processorName))
                .forEach(projection -> spaces.addAll(projection.spaces()));
        return spaces.isEmpty() ? (unitOfWork, chain) -> chain.proceed()
                : new CachedReadsInvalidation(spaces, invalidateAfterCommit);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        Object result = interceptorChain.proceed();
        EventUsers.userIdOf(unitOfWork.getMessage().getPayload())
                .ifPresent(userId -> spaces.forEach(space -> invalidateAfterCommit.accept(space, userId)));
        return result;
    }

    private static String processingGroupOf(CachedReads projection) {
        Class<?> type = ClassUtils.getUserClass(projection);
        ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(type.getName() + " declares cached reads but has no "
                    + "@ProcessingGroup, so no processor's events would invalidate them");
        }
        return group.value();
    }
}
