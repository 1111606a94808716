package dev.vigil.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.platform.input.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTests {

    @Test
    void normalizesCaseAndSurroundingSpace() {
        assertThat(EmailAddress.of("  Ann.Lee@Example.COM ").value()).isEqualTo("ann.lee@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.com", "ann@example", "ann lee@example.com", "a@b@example.com"})
    void rejectsWhatIsNotAnAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann\u0000@example.com", "ann@exam\u0000ple.com", "ann\u0085@example.com",
            "ann\u2028@example.com", "ann\uD800@example.com"})
    void rejectsWhatTheTextPolicyRefusesNamingTheField(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void rejectsAddressesLongerThanTheStandardAllows() {
        String longDomain = "a".repeat(300) + ".com";
        assertThatThrownBy(() -> EmailAddress.of("ann@" + longDomain)).isInstanceOf(IllegalArgumentException.class);
    }
}
