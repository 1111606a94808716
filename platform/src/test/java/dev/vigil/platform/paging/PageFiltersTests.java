package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageFiltersTests {

    enum Severity { LOW, HIGH, CRITICAL }

    @Test
    void sameFiltersInAnotherOrderHaveTheSameCanonicalForm() {
        PageFilters one = PageFilters.builder()
                .with("status", "UNREAD").with("severity", List.of(Severity.HIGH, Severity.LOW)).build();
        PageFilters other = PageFilters.builder()
                .with("severity", new LinkedHashSet<>(List.of(Severity.LOW, Severity.HIGH))).with("status", "UNREAD")
                .build();
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one.canonical()).isEqualTo("severity=HIGH,LOW&status=UNREAD");
    }

    @Test
    void aRepeatedValueCountsOnce() {
        assertThat(PageFilters.builder().with("severity", List.of("HIGH", "HIGH")).build())
                .isEqualTo(PageFilters.builder().with("severity", "HIGH").build());
    }

    @Test
    void nullAndEmptyMeanNotFiltered() {
        assertThat(PageFilters.builder().with("status", null).with("severity", Set.of()).build())
                .isEqualTo(PageFilters.NONE);
        assertThat(PageFilters.NONE.canonical()).isEmpty();
    }

    @Test
    void differentValuesDiffer() {
        assertThat(PageFilters.builder().with("status", "READ").build())
                .isNotEqualTo(PageFilters.builder().with("status", "UNREAD").build())
                .isNotEqualTo(PageFilters.builder().with("category", "READ").build());
    }

    @Test
    void separatorsInsideAValueCannotPassForAnotherFilterOrValue() {
        PageFilters oneValueWithAComma = PageFilters.builder().with("source", "a,b").build();
        PageFilters twoValues = PageFilters.builder().with("source", List.of("a", "b")).build();
        PageFilters injected = PageFilters.builder().with("source", "a&status=READ").build();
        PageFilters twoFilters = PageFilters.builder().with("source", "a").with("status", "READ").build();
        assertThat(oneValueWithAComma).isNotEqualTo(twoValues);
        assertThat(injected).isNotEqualTo(twoFilters);
    }

    @Test
    void theSameMomentWithAnotherOffsetIsTheSameFilter() {
        Instant from = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(PageFilters.builder().with("from", from).build())
                .isEqualTo(PageFilters.builder().with("from", from.atOffset(ZoneOffset.ofHours(2))).build())
                .isEqualTo(PageFilters.builder().with("from", OffsetDateTime.parse("2026-03-01T10:00:00.000Z")).build());
    }

    @Test
    void rejectsValuesWithoutOneCanonicalText() {
        assertThatIllegalArgumentException().isThrownBy(() -> PageFilters.builder().with("score", 1.0))
                .withMessageContaining("score");
    }

    @Test
    void rejectsANameGivenTwiceOrUnfitForTheCanonicalForm() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PageFilters.builder().with("status", "READ").with("status", "UNREAD"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageFilters.builder().with("a=b", "c"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageFilters.builder().with("", "c"));
    }
}
