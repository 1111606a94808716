package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionInstancesTests {

    private static final List<String> PROCESSORS = List.of("identity-user-profile", "billing-subscription",
            "monitoring-exposure-feed", "alerting-alert-feed", "dashboard-summary");

    /** The shares of all live instances add up to every segment, and no two differ by more than one. */
    @ParameterizedTest
    @CsvSource({"4,1", "4,2", "4,3", "4,4", "4,5", "32,3", "32,7", "1,2", "7,2"})
    void sharesCoverEverySegmentAndDifferByAtMostOne(int segments, int instances) {
        List<String> live = IntStream.range(0, instances).mapToObj(i -> "node-" + i).toList();
        for (String processor : PROCESSORS) {
            List<Integer> shares = live.stream()
                    .map(node -> ProjectionInstances.share(segments, live, node, processor)).toList();
            assertThat(shares.stream().mapToInt(Integer::intValue).sum()).as("%s: %s", processor, shares)
                    .isEqualTo(segments);
            assertThat(shares).as(processor).allSatisfy(share ->
                    assertThat(share).isBetween(segments / instances, (segments + instances - 1) / instances));
        }
    }
}
