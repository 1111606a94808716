package dev.vigil.app.plans;

import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the service's DataSource (itself datasource-proxy around the pool) once more, so the test sees every
 * statement with its bound parameters exactly as the service runs it, rather than a copy of its SQL.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCaptureConfiguration {

    @Bean
    static StatementCapture statementCapture() {
        return new StatementCapture();
    }

    @Bean
    static BeanPostProcessor captureStatements(ObjectProvider<StatementCapture> capture) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
                    return ProxyDataSourceBuilder.create("plan-capture", dataSource).listener(capture.getObject()).build();
                }
                return bean;
            }
        };
    }
}
