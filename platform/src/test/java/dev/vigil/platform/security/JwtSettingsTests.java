package dev.vigil.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class JwtSettingsTests {

    @Test
    void productionRefusesTheDevelopmentSecret() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        JwtProperties development = new JwtProperties(JwtProperties.DEVELOPMENT_SECRET, "vigil-web", "vigil-api",
                Duration.ofSeconds(30));

        assertThatThrownBy(() -> new SecurityConfiguration().jwtDecoder(development, production))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VIGIL_JWT_SECRET");
        assertThat(new SecurityConfiguration().jwtDecoder(development, new MockEnvironment())).isNotNull();
        JwtProperties real = new JwtProperties("a-real-secret-of-at-least-thirty-two-bytes", "vigil-web", "vigil-api",
                Duration.ofSeconds(30));
        assertThat(new SecurityConfiguration().jwtDecoder(real, production)).isNotNull();
    }

    @Test
    void shortSecretsAreRejected() {
        assertThatThrownBy(() -> new JwtProperties("short", "vigil-web", "vigil-api", Duration.ofSeconds(30)))
                .hasMessageContaining("at least 32 bytes");
    }
}
