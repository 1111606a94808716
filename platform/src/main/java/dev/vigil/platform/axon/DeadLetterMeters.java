package dev.vigil.platform.axon;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code vigil.projection.dead.letters{processor}} and {@code vigil.projection.dead.letter.sequences{processor}}:
 * events parked in each processor's dead-letter queue, and the sequences (users) they block. Counted by one
 * bounded statement (a few seconds at most) on a thread of its own every {@code dead-letter-count-interval}; a
 * scrape only reads the last counts, so it never waits on the database. While the database cannot be read the
 * last counts stay (an alert does not clear because the count failed).
 */
final class DeadLetterMeters implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMeters.class);
    static final String COUNTS = """
            /* platform.dead_letter_counts */
            SELECT processing_group, count(*) AS letters, count(DISTINCT sequence_identifier) AS sequences
            FROM axon.dead_letter_entry
            GROUP BY processing_group""";
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private record Counts(long letters, long sequences) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Duration interval;
    private final AtomicReference<Map<String, Counts>> counts = new AtomicReference<>();
    private final ScheduledExecutorService counter = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("vigil-dead-letter-count").daemon().factory());

    DeadLetterMeters(EventProcessingConfiguration processing, JdbcTemplate jdbc, MeterRegistry meters, Duration interval) {
        this.processing = processing;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        this.meters = meters;
        this.interval = interval;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        for (String name : processing.eventProcessors().keySet()) {
            Gauge.builder("vigil.projection.dead.letters", this, meter -> meter.letters(name))
                    .description("Events parked in the processor's dead-letter queue (docs/projections.md)")
                    .tag("processor", name)
                    .register(meters);
            Gauge.builder("vigil.projection.dead.letter.sequences", this, meter -> meter.sequences(name))
                    .description("Sequences (users) whose events the processor has parked")
                    .tag("processor", name)
                    .register(meters);
        }
        counter.scheduleWithFixedDelay(this::count, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the counts now (also what the schedule runs). */
    void count() {
        try {
            Map<String, Counts> read = new ConcurrentHashMap<>();
            jdbc.query(COUNTS, row -> {
                read.put(row.getString("processing_group"), new Counts(row.getLong("letters"), row.getLong("sequences")));
            });
            counts.set(read);
        } catch (RuntimeException e) {
            log.debug("event=dead_letter_count_failed error=\"{}\"", e.toString());
        }
    }

    private double letters(String processor) {
        Map<String, Counts> now = counts.get();
        return now == null ? Double.NaN : now.getOrDefault(processor, new Counts(0, 0)).letters();
    }

    private double sequences(String processor) {
        Map<String, Counts> now = counts.get();
        return now == null ? Double.NaN : now.getOrDefault(processor, new Counts(0, 0)).sequences();
    }

    @Override
    public void destroy() {
        counter.shutdownNow();
    }
}
