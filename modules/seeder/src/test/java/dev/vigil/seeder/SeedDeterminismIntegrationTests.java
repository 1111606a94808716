package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.seeder.UserHistory.UserSeed;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same seed gives the same database. What the seeder writes is the COPY streams of its batches, in user
 * order, and what it derives from their count (global indexes, the tokens' head): so the streams must be the
 * same bytes however the users are batched and on whichever thread, and the store must hold the events in
 * generation order. Checked on the shared seeded service (no second database to seed).
 */
@SeededServiceTest
@Order(1)
class SeedDeterminismIntegrationTests {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameUsersGiveTheSameRowsByteForByteHoweverTheyAreBatched() {
        EventEncoding encoding = new EventEncoding(serializer);
        // user 37 is heavy: a few thousand exposures
        Map<SeedTable, byte[]> inOneBatch = streams(List.of(batch(encoding, 0, 60)));
        Map<SeedTable, byte[]> inTwoOnOtherThreads = streams(List.of(
                CompletableFuture.supplyAsync(() -> batch(encoding, 0, 25)).join(),
                CompletableFuture.supplyAsync(() -> batch(encoding, 25, 60)).join()));

        assertThat(inTwoOnOtherThreads.keySet()).containsExactlyElementsOf(inOneBatch.keySet());
        inOneBatch.forEach((table, bytes) -> assertThat(inTwoOnOtherThreads.get(table)).as(table.table()).isEqualTo(bytes));
        assertThat(inOneBatch.get(SeedTable.EVENTS).length).isGreaterThan(1_000_000);
    }

    @Test
    void theSeededStoreHoldsTheGeneratedEventsInUserOrderNumberedFromOne() {
        List<String> generated = new ArrayList<>();
        int users = new SeedOptions(SeedBeforeStart.SCALE, SeedBeforeStart.SEED, "", "", "", java.util.Optional.empty()).users();
        for (int index = 0; index < users; index++) {
            UserHistory.generate(SeedBeforeStart.SEED, index).events().forEach(event -> generated.add(event.eventId().toString()));
        }
        // the service may have appended events of its own since: compare the seeded range only
        List<String> stored = jdbc.sql("SELECT event_identifier FROM axon.domain_event_entry WHERE global_index <= ? "
                + "ORDER BY global_index").param(generated.size()).query(String.class).list();
        long lowest = jdbc.sql("SELECT min(global_index) FROM axon.domain_event_entry").query(Long.class).single();

        assertThat(lowest).isEqualTo(1L);
        assertThat(stored).isEqualTo(generated);
    }

    private static Batch batch(EventEncoding encoding, int from, int to) {
        List<UserSeed> users = IntStream.range(from, to).mapToObj(index -> UserHistory.generate(99, index)).toList();
        return Batch.of(users, encoding);
    }

    /** Each table's bytes as the writer sends them: the batches in order, events numbered on. */
    private static Map<SeedTable, byte[]> streams(List<Batch> batches) {
        Map<SeedTable, ByteArrayOutputStream> out = new EnumMap<>(SeedTable.class);
        long globalIndex = 0;
        for (Batch batch : batches) {
            globalIndex = batch.numberEvents(globalIndex);
            for (SeedTable table : SeedTable.values()) {
                BinaryRows rows = batch.rows(table);
                out.computeIfAbsent(table, t -> new ByteArrayOutputStream()).write(rows.array(), 0, rows.size());
            }
        }
        Map<SeedTable, byte[]> bytes = new EnumMap<>(SeedTable.class);
        out.forEach((table, stream) -> bytes.put(table, stream.toByteArray()));
        return bytes;
    }
}
