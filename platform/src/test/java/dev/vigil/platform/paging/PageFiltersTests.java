package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PageFiltersTests {

    @Test
    void sameFiltersInAnotherOrderHaveTheSameCanonicalForm() {
        PageFilters one = PageFilters.builder().with("status", "UNREAD").with("severity", "HIGH", "LOW").build();
        PageFilters other = PageFilters.builder().with("severity", "LOW", "HIGH").with("status", "UNREAD").build();
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one.canonical()).isEqualTo("severity=HIGH,LOW&status=UNREAD");
    }

    @Test
    void aRepeatedValueCountsOnce() {
        assertThat(PageFilters.builder().with("severity", "HIGH", "HIGH").build())
                .isEqualTo(PageFilters.builder().with("severity", "HIGH").build());
    }

    @Test
    void noValueMeansNotFiltered() {
        assertThat(PageFilters.builder().with("status").build()).isEqualTo(PageFilters.NONE);
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
        PageFilters twoValues = PageFilters.builder().with("source", "a", "b").build();
        PageFilters injected = PageFilters.builder().with("source", "a&status=READ").build();
        PageFilters twoFilters = PageFilters.builder().with("source", "a").with("status", "READ").build();
        assertThat(oneValueWithAComma).isNotEqualTo(twoValues);
        assertThat(injected).isNotEqualTo(twoFilters);
    }

    @Test
    void rejectsANameGivenTwiceOrUnfitForTheCanonicalForm() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PageFilters.builder().with("status", "READ").with("status", "UNREAD"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageFilters.builder().with("a=b", "c"));
        assertThatIllegalArgumentException().isThrownBy(() -> PageFilters.builder().with("", "c"));
    }
}
