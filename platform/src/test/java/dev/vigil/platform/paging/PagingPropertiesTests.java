package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.vigil.platform.testing.ExpectedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebApplicationContext;

class PagingPropertiesTests {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, PagingConfiguration.class));

    @RegisterExtension
    final ExpectedLogs logs = ExpectedLogs.from(AnnotationConfigServletWebApplicationContext.class);

    @Test
    void capsOffsetsAtTenThousandByDefault() {
        context.run(started -> assertThat(started.getBean(PagingProperties.class).maxOffset()).isEqualTo(10_000));
    }

    @Test
    void takesAnotherCap() {
        context.withPropertyValues("vigil.paging.max-offset=500")
                .run(started -> assertThat(started.getBean(PagingProperties.class).maxOffset()).isEqualTo(500));
    }

    @Test
    void refusesToStartWithANegativeCap() {
        context.withPropertyValues("vigil.paging.max-offset=-1").run(failed -> assertThat(failed).hasFailed()
                .getFailure().rootCause().hasMessageContaining("vigil.paging.max-offset"));
        logs.assertLogged(Level.WARN, "prefix=vigil.paging");
    }
}
