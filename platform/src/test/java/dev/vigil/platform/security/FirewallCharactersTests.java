package dev.vigil.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FirewallCharactersTests {

    // Spring Security's StrictHttpFirewall rules, as it writes them
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc-_~", "a b\tc", "\t",
            "tab\tinside", "line\nbreak", "nul\u0000", "del\u007f", "c1\u0085", "\u00a0nbsp\u00ff", "caf\u00e9",
            "\u20ac euro", "\u0378 unassigned", "\ud83d\ude00 pair", "\ud800 lone surrogate", "~}{|", " ", "\u009f");

    @Test
    void judgesNamesAsTheFirewallsExpressionDoes() {
        for (String sample : SAMPLES) {
            assertThat(FirewallCharacters.NAMES.test(sample)).as(sample).isEqualTo(NAMES.matcher(sample).matches());
        }
    }

    @Test
    void judgesHeaderValuesAsTheFirewallsExpressionDoes() {
        for (String sample : SAMPLES) {
            assertThat(FirewallCharacters.HEADER_VALUES.test(sample)).as(sample).isEqualTo(VALUES.matcher(sample).matches());
        }
    }

    @Test
    void refusesControlCharactersInPrintableText() {
        assertThat(FirewallCharacters.HEADER_VALUES.test("ok\u0007")).isFalse();
        assertThat(FirewallCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(FirewallCharacters.HEADER_VALUES.test("a\tb")).isTrue();
    }
}
