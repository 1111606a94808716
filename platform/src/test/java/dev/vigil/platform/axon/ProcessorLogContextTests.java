package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.logging.LogContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ProcessorLogContextTests {

    @Test
    void namesTheProcessorWhileItHandlesAnEventAndOnlyThen() throws Exception {
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("x"));
        Object seen = new ProcessorLogContext("alerting-feed").handle(unitOfWork, () -> MDC.get(LogContext.PROCESSOR));
        unitOfWork.commit();

        assertThat(seen).isEqualTo("alerting-feed");
        assertThat(MDC.get(LogContext.PROCESSOR)).isNull();
    }
}
