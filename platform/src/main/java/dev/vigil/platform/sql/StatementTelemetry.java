package dev.vigil.platform.sql;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/** Wraps the pool in datasource-proxy with Vigil's listeners. */
public final class InstrumentedDataSources {

    private InstrumentedDataSources() {
    }

    public static DataSource wrap(DataSource pool, String name, MeterRegistry meters) {
        return ProxyDataSourceBuilder.create(name, pool)
                .listener(new StatementMetricsListener(meters))
                .build();
    }
}
