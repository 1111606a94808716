package dev.vigil.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.identity.IdentityTestApplication;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An instance counts for the others (who then release its share of the segments) only once it has announced itself,
 * when it is ready: one still starting would leave the released segments unclaimed until its processors run.
 */
// a context of its own (the property only makes it distinct): an instance announced here lowers this context's share
// of the segments for a heartbeat, which would delay the writes of a test sharing the context
@SpringBootTest(classes = IdentityTestApplication.class, properties = "spring.application.name=projection-instances-test")
class ProjectionInstancesIntegrationTests {

    private static final String PROFILE_PROCESSOR = "identity-user-profile";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionInstances running;

    @Test
    void aStartingInstanceReadsTheOthersButCountsOnlyOnceItHasAnnouncedItself() {
        ProjectionInstances joining = new ProjectionInstances(jdbc, "joining-" + UUID.randomUUID(), Duration.ofSeconds(30));
        try {
            joining.beat();
            running.beat();
            assertThat(running.live()).as("the ready instance alone, while the other starts").containsExactly(running.nodeId());
            assertThat(joining.segments(PROFILE_PROCESSOR)).as("the starting one reads the token store").isNotEmpty();

            joining.announce();
            running.beat();
            assertThat(running.live()).as("both, once the other is ready").containsExactlyInAnyOrder(running.nodeId(),
                    joining.nodeId());
        } finally {
            joining.destroy();
        }
    }
}
