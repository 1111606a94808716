package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.vigil.platform.security.JwtProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageQueryTests {

    record Row(String name, KeysetPosition position) {
    }

    private static final CursorCodec CURSORS = CursorCodec.keyedBy(JwtProperties.DEVELOPMENT_SECRET);
    private static final CursorBinding BINDING = new CursorBinding("platform.probe", UUID.randomUUID(), PageFilters.NONE);

    @Test
    void aFetchOfLimitPlusOneShowsLimitRowsAndContinuesAfterTheLastShown() {
        Page<Row> page = keyset(5).toPage(rows(6), Row::position);
        assertThat(page.items()).extracting(Row::name).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(page.hasMore()).isTrue();
        assertThat(CURSORS.decode(page.nextCursor(), BINDING)).contains(rows(6).get(4).position());
        assertThat(page.offset()).isNull();
        assertThat(page.limit()).isNull();
    }

    @Test
    void exactlyLimitRowsIsTheLastPage() {
        Page<Row> page = keyset(5).toPage(rows(5), Row::position);
        assertThat(page.items()).hasSize(5);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void noRowsIsAnEmptyLastPage() {
        Page<Row> page = keyset(5).toPage(List.of(), Row::position);
        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void moreRowsThanTheFetchSizeIsARepositoryMistake() {
        assertThatIllegalArgumentException().isThrownBy(() -> keyset(5).toPage(rows(7), Row::position))
                .withMessageContaining("fetchSize()");
    }

    @Test
    void rowsOutOfFeedOrderAreARepositoryMistake() {
        List<Row> swapped = new ArrayList<>(rows(4));
        Collections.swap(swapped, 1, 2);
        assertThatIllegalStateException().isThrownBy(() -> keyset(5).toPage(swapped, Row::position))
                .withMessageContaining("created_at DESC, id DESC");
        List<Row> repeated = List.of(rows(2).get(0), rows(2).get(0));
        assertThatIllegalStateException().isThrownBy(() -> keyset(5).toPage(repeated, Row::position));
    }

    @Test
    void aRowThatIsNotAfterTheCursorIsARepositoryMistake() {
        Row cursorRow = rows(1).getFirst();
        PageQuery next = new PageQuery(5, null, cursorRow.position(), CURSORS, BINDING);
        assertThatIllegalStateException().isThrownBy(() -> next.toPage(List.of(cursorRow), Row::position));
        assertThat(next.toPage(rows(3).subList(1, 3), Row::position).items()).hasSize(2);
    }

    @Test
    void anOffsetPageSaysWhereItStartsAndStillOffersACursor() {
        PageQuery query = new PageQuery(5, 10, KeysetPosition.START, CURSORS, BINDING);
        assertThat(query.isFirstPage()).isFalse();
        Page<Row> page = query.toPage(rows(6), Row::position);
        assertThat(page.offset()).isEqualTo(10);
        assertThat(page.limit()).isEqualTo(5);
        assertThat(page.hasMore()).isTrue();
        assertThat(CURSORS.decode(page.nextCursor(), BINDING)).contains(rows(6).get(4).position());
    }

    @Test
    void offsetZeroIsTheFirstPage() {
        assertThat(new PageQuery(5, 0, KeysetPosition.START, CURSORS, BINDING).isFirstPage()).isTrue();
    }

    private static PageQuery keyset(int limit) {
        return new PageQuery(limit, null, KeysetPosition.START, CURSORS, BINDING);
    }

    /** Newest first, as a statement returns them. */
    private static List<Row> rows(int count) {
        Instant newest = Instant.parse("2026-03-01T12:00:00.000500Z");
        return IntStream.range(0, count)
                .mapToObj(i -> new Row("r" + i, new KeysetPosition(newest.minusNanos(1_000L * i),
                        new UUID(0, 100 - i))))
                .toList();
    }
}
