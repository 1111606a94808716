package dev.vigil.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheSpaceTests {

    @Test
    void acceptsModuleQualifiedNamesAndTtlsFromOneSecond() {
        assertThat(new CacheSpace("alerting.alert-pages", Duration.ofSeconds(1)).name()).isEqualTo("alerting.alert-pages");
        assertThat(new CacheSpace("identity.profile", Duration.ofMinutes(5)).ttl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rejectsNamesThatCouldBreakTheKeyLayout() {
        for (String name : new String[] {"", "Alerting", "alerting:pages", "alert pages", "pages.", "-pages", "a..b"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new CacheSpace(name, Duration.ofMinutes(1)))
                    .withMessageContaining(name);
        }
    }

    @Test
    void rejectsTtlsBelowOneSecondOrFinerThanAMillisecond() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CacheSpace("pages", Duration.ofMillis(999)))
                .withMessageContaining("pages");
        assertThatIllegalArgumentException().isThrownBy(() -> new CacheSpace("pages", Duration.ofNanos(1_500_000_001)));
        assertThatIllegalArgumentException().isThrownBy(() -> new CacheSpace("pages", Duration.ofSeconds(-5)));
    }

    @Test
    void oneNameCannotBeDeclaredWithTwoTtls() {
        KnownSpaces spaces = new KnownSpaces();
        spaces.check(new CacheSpace("identity.profile", Duration.ofMinutes(5)));
        spaces.check(new CacheSpace("identity.profile", Duration.ofMinutes(5)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> spaces.check(new CacheSpace("identity.profile", Duration.ofMinutes(1))))
                .withMessageContaining("identity.profile").withMessageContaining("PT5M").withMessageContaining("PT1M");
    }

    @Test
    void aBackoffMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadCacheProperties(true, Duration.ZERO))
                .withMessageContaining("vigil.cache.backoff");
    }
}
