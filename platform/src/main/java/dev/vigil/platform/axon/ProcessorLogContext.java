package dev.vigil.platform.axon;

import dev.vigil.platform.logging.LogContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/** Names the event processor in the MDC while it handles an event, so its log lines and slow statements say so. */
final class ProcessorLogContext implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processorName;

    ProcessorLogContext(String processorName) {
        this.processorName = processorName;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain) throws Exception {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(LogContext.PROCESSOR, processorName)) {
            return interceptorChain.proceed();
        }
    }
}
