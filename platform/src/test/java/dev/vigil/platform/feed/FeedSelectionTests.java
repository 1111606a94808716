package dev.vigil.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.junit.jupiter.api.Test;

class FeedSelectionTests {

    enum State { OPEN, SHUT }

    enum Level { LOW, MID, HIGH }

    static final FeedFilter<State> STATE = FeedFilter.oneOf("state", State.class);
    static final FeedFilter<Level> LEVEL = FeedFilter.anyOf("level", Level.class);
    static final List<FeedFilter<?>> FILTERS = List.of(STATE, LEVEL);

    @Test
    void readsEachFilterAndTheWindowLeavingOtherParametersAlone() {
        FeedSelection selection = FeedSelection.parse(FILTERS, Map.of("state", new String[] {"open"},
                "level", new String[] {"HIGH", "low"}, "from", new String[] {"2026-11-01T00:00:00Z"},
                "limit", new String[] {"10"}, "cursor", new String[] {"x"}));
        assertThat(selection).isEqualTo(FeedSelection.builder().with(STATE, State.OPEN)
                .with(LEVEL, Level.LOW, Level.HIGH).window(Instant.parse("2026-11-01T00:00:00Z"), null).build());
        assertThat(selection.pageFilters().canonical())
                .isEqualTo("from=2026-11-01T00%3A00%3A00Z&level=HIGH,LOW&state=OPEN");
    }

    @Test
    void everyValueOfAFilterIsTheSameSelectionAsNone() {
        FeedSelection all = FeedSelection.parse(FILTERS, Map.of("level", new String[] {"LOW,MID,HIGH"}));
        assertThat(all).isEqualTo(FeedSelection.ALL);
        assertThat(all.of(LEVEL)).isEmpty();
    }

    @Test
    void oneProblemNamesEveryParameterAtFault() {
        ErrorResponseException error = catchThrowableOfType(ErrorResponseException.class,
                () -> FeedSelection.parse(FILTERS, Map.of("state", new String[] {"OPEN", "SHUT"},
                        "level", new String[] {"NONE"}, "to", new String[] {"soon"},
                        "from", new String[] {"2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z"})));
        assertThat(error).as("400 expected").isNotNull();
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ProblemDetail problem = error.getBody();
        assertThat((List<?>) problem.getProperties().get("errors")).extracting(e -> ((FieldError) e).field())
                .containsExactly("state", "level", "from", "to");
    }
}
