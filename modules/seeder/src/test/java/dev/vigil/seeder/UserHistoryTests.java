package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.alerting.api.AlertRaised;
import dev.vigil.monitoring.api.ExposureDetected;
import org.junit.jupiter.api.Test;

/**
 * The population's volume, from the generator alone (no database): issue 6 asks for about 5 million exposures and
 * 10 million alerts at the default 100,000 users, so per user about 50 exposures and twice as many alerts.
 */
class UserHistoryTests {

    /** Two thousand users (twenty heavy): close enough to the whole population's averages, in a second or two. */
    private static final int USERS = 2_000;

    @Test
    void usersHaveAboutFiftyExposuresAndTwiceAsManyAlertsOnAverage() {
        long exposures = 0;
        long alerts = 0;
        for (int index = 0; index < USERS; index++) {
            for (SeedEvent event : UserHistory.generate(42, index).events()) {
                if (event.payload() instanceof ExposureDetected) {
                    exposures++;
                } else if (event.payload() instanceof AlertRaised) {
                    alerts++;
                }
            }
        }

        assertThat((double) exposures / USERS).as("exposures per user").isCloseTo(50, within(8.0));
        assertThat((double) alerts / exposures).as("alerts per exposure").isCloseTo(2.0, within(0.2));
    }

    @Test
    void oneUserInAHundredIsHeavyWithThousandsOfExposures() {
        assertThat(UserKind.of(37)).isEqualTo(UserKind.HEAVY);
        assertThat(UserKind.of(36)).isEqualTo(UserKind.LIGHT);
        long heavyExposures = UserHistory.generate(42, 137).events().stream()
                .filter(event -> event.payload() instanceof ExposureDetected).count();
        assertThat(heavyExposures).isBetween(1_000L, 15_000L);
    }
}
