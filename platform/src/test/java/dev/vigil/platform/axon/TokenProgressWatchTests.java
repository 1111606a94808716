package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

class TokenProgressWatchTests {

    @Test
    void aTokenHasPassedAnEventAtOrBelowItsIndexThatIsNotOneOfItsGaps() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(7L));
        assertThat(TokenProgressWatch.passed(token, 10)).isTrue();
        assertThat(TokenProgressWatch.passed(token, 8)).isTrue();
        assertThat(TokenProgressWatch.passed(token, 7)).as("a gap: not seen yet").isFalse();
        assertThat(TokenProgressWatch.passed(token, 11)).isFalse();
    }

    @Test
    void aSegmentReplayingHistoryBeforeTheEventCountsAsPassedAsOnTheInstanceRunningIt() {
        GapAwareTrackingToken atReset = GapAwareTrackingToken.newInstance(100, List.of());
        ReplayToken replaying = (ReplayToken) ReplayToken.createReplayToken(atReset,
                GapAwareTrackingToken.newInstance(5, List.of()));
        assertThat(TokenProgressWatch.passed(replaying, 101)).as("a new event after the reset").isTrue();
        assertThat(TokenProgressWatch.passed(replaying, 3)).as("history already replayed").isTrue();
    }
}
