package dev.bodega.platform.internal.db;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/** Where reports were read (replica or primary) and how far behind the replica was at its last check. */
@Component
class ReplicaMetrics implements MeterBinder {

    private final DataSource dataSource;

    ReplicaMetrics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!(dataSource instanceof ReportingDataSource reporting)) {
            return;
        }
        FunctionCounter.builder("bodega.db.report.reads", reporting, ReportingDataSource::servedByReplica)
                .tag("served.by", "replica").description("Report transactions read on the replica")
                .register(registry);
        FunctionCounter.builder("bodega.db.report.reads", reporting, ReportingDataSource::servedByPrimary)
                .tag("served.by", "primary").description("Report transactions read on the primary instead")
                .register(registry);
        Gauge.builder("bodega.db.replica.lag", reporting.lag(), ReplicaLag::lagSeconds).baseUnit("seconds")
                .description("How far the read replica was behind the primary at its last check")
                .register(registry);
    }
}
