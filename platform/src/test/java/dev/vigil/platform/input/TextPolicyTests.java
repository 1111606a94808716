package dev.vigil.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextPolicyTests {

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, one code point, two UTF-16 units

    @Nested
    class Characters {

        @ParameterizedTest
        @ValueSource(strings = {"a\u0000b", "a\tb", "a\nb", "a\rb", "a\u001Fb", "a\u007Fb", "a\u0085b", "a\u009Fb"})
        void refusesEveryControlCharacterTabAndNewlineIncluded(String value) {
            assertThat(TextPolicy.violation(value, 100)).get().asString()
                    .startsWith("must not contain control characters or line breaks (found U+00");
        }

        @Test
        void namesTheCharacterItFound() {
            assertThat(TextPolicy.violation("nul\u0000name", 100))
                    .contains("must not contain control characters or line breaks (found U+0000)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\u2028b", "a\u2029b"})
        void refusesUnicodeLineAndParagraphSeparators(String value) {
            assertThat(TextPolicy.violation(value, 100)).get().asString().contains("line breaks");
        }

        @Test
        void refusesALoneHighSurrogate() {
            assertThat(TextPolicy.violation("name\uD83D", 100))
                    .contains("must be well-formed Unicode (found the unpaired surrogate U+D83D)");
        }

        @Test
        void refusesALoneLowSurrogate() {
            assertThat(TextPolicy.violation("\uDE00name", 100))
                    .contains("must be well-formed Unicode (found the unpaired surrogate U+DE00)");
        }

        @Test
        void refusesSurrogatesInTheWrongOrder() {
            assertThat(TextPolicy.violation("\uDE00\uD83D", 100)).isPresent();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada Lovelace", "Zoë Ñúñez", "李小龙", "مريم", EMOJI + " fan",
                "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "non\u00A0breaking", "private \uE000 use"})
        void allowsAnyScriptEmojiAndTheirJoiners(String value) {
            assertThat(TextPolicy.violation(value, 100)).isEmpty();
        }
    }

    @Nested
    class Length {

        @Test
        void countsCodePointsSoAnEmojiIsOneCharacter() {
            String hundredEmoji = EMOJI.repeat(100);
            assertThat(hundredEmoji).hasSize(200);
            assertThat(TextPolicy.length(hundredEmoji)).isEqualTo(100);
            assertThat(TextPolicy.violation(hundredEmoji, 100)).isEmpty();
        }

        @Test
        void refusesOneCharacterMoreThanTheMaximum() {
            assertThat(TextPolicy.violation("x".repeat(100), 100)).isEmpty();
            assertThat(TextPolicy.violation("x".repeat(101), 100)).contains("must be at most 100 characters long, not 101");
            assertThat(TextPolicy.violation(EMOJI.repeat(101), 100)).contains("must be at most 100 characters long, not 101");
        }

        @Test
        void aMaximumBelowOneIsAProgrammingError() {
            assertThatThrownBy(() -> TextPolicy.violation("x", 0)).isInstanceOf(IllegalArgumentException.class)
                    .isNotInstanceOf(InvalidInput.class);
        }
    }

    @Nested
    class Require {

        @Test
        void returnsTheTextWithoutSurroundingWhiteSpace() {
            assertThat(TextPolicy.require("displayName", " \tAda \n", 100)).isEqualTo("Ada");
        }

        @Test
        void countsTheLengthAfterStripping() {
            assertThat(TextPolicy.require("displayName", "  " + "x".repeat(100) + "  ", 100)).hasSize(100);
        }

        @Test
        void refusesNullAndBlankNamingTheField() {
            assertThatThrownBy(() -> TextPolicy.require("reason", null, 10)).isInstanceOf(InvalidInput.class)
                    .hasMessage("reason: must not be blank");
            assertThatThrownBy(() -> TextPolicy.require("reason", " \t ", 10)).isInstanceOf(InvalidInput.class)
                    .hasMessage("reason: must not be blank");
        }

        @Test
        void refusesAViolationNamingTheFieldAndTheReason() {
            assertThatThrownBy(() -> TextPolicy.require("displayName", "nul\u0000name", 100))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.field()).isEqualTo("displayName");
                        assertThat(e.reason()).isEqualTo("must not contain control characters or line breaks (found U+0000)");
                    });
        }

        @Test
        void aRefusalCanBePlacedInsideItsParent() {
            InvalidInput inner = new InvalidInput("sourceName", "must not be blank");
            assertThat(inner.within("findings[3]").field()).isEqualTo("findings[3].sourceName");
            assertThat(inner.within("findings[3]").reason()).isEqualTo("must not be blank");
        }
    }
}
