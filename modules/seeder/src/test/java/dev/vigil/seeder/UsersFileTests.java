package dev.vigil.seeder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.seeder.UserHistory.UserSeed;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The --users-out CSV: a contract with the load tests. */
class UsersFileTests {

    @Test
    void writesAHeaderThenOneLinePerUserWithItsKindInUserOrder() throws Exception {
        StringWriter out = new StringWriter();
        UUID light = UUID.fromString("01960d32-75ad-7d1b-bdb8-3ecf6cc24920");
        UUID heavy = UUID.fromString("01960d32-7fe3-7c16-9fc2-6e2d14919f22");
        try (UsersFile file = new UsersFile(out)) {
            file.write(List.of(new UserSeed(36, light, UserKind.LIGHT, List.of(), List.of()),
                    new UserSeed(37, heavy, UserKind.HEAVY, List.of(), List.of())));
        }

        assertThat(out.toString()).isEqualTo("userId,kind\n" + light + ",light\n" + heavy + ",heavy\n");
    }

    @Test
    void theSameSeedGivesTheSameUsers() {
        assertThat(UserHistory.generate(99, 5).userId()).isEqualTo(UserHistory.generate(99, 5).userId());
        assertThat(UserHistory.generate(99, 5).userId()).isNotEqualTo(UserHistory.generate(98, 5).userId());
    }
}
