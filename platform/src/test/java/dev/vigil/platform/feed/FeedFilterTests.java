package dev.vigil.platform.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.vigil.platform.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedFilterTests {

    enum Colour { RED, DARK_BLUE, GREEN }

    private final FeedFilter<Colour> colour = FeedFilter.oneOf("colour", Colour.class);
    private final FeedFilter<Colour> colours = FeedFilter.anyOf("colours", Colour.class);
    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void anAbsentParameterSelectsNothingAndIsNoError() {
        assertThat(colour.parse(null, errors)).isEmpty();
        assertThat(colours.parse(new String[0], errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @Test
    void valuesMatchInAnyCaseAroundSpaces() {
        assertThat(colour.parse(new String[] {" dark_Blue "}, errors)).containsExactly(Colour.DARK_BLUE);
        assertThat(colours.parse(new String[] {"red, DARK_BLUE", "Red"}, errors))
                .containsExactlyInAnyOrder(Colour.RED, Colour.DARK_BLUE);
        assertThat(errors).isEmpty();
    }

    /** Unicode case folding takes dotless i (ı) and long s (ſ) for ASCII letters; the documented spelling is ASCII. */
    @Test
    void onlyAsciiLettersMatchWhateverTheirCase() {
        enum Severity { CRITICAL, SSN }
        FeedFilter<Severity> severity = FeedFilter.anyOf("severity", Severity.class);
        assertThat(severity.parse(new String[] {"cr\u0131t\u0131cal"}, errors)).isEmpty();
        assertThat(severity.parse(new String[] {"\u017Fsn"}, errors)).isEmpty();
        assertThat(severity.parse(new String[] {"CRITICAL\u00A0"}, errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("severity", "severity", "severity");
        errors.clear();
        assertThat(severity.parse(new String[] {"Critical"}, errors)).containsExactly(Severity.CRITICAL);
        assertThat(errors).isEmpty();
    }

    @Test
    void anEmptyValueIsAnErrorNotAMissingFilter() {
        assertThat(colour.parse(new String[] {""}, errors)).isEmpty();
        assertThat(colours.parse(new String[] {"RED,"}, errors)).isEmpty();
        assertThat(errors).extracting(FieldError::field).containsExactly("colour", "colours");
    }

    @Test
    void aOneValueFilterIsGivenOnceAndHoldsOneValue() {
        colour.parse(new String[] {"RED", "GREEN"}, errors);
        colour.parse(new String[] {"RED,GREEN"}, errors);
        assertThat(errors).containsExactly(new FieldError("colour", "must be given once"),
                new FieldError("colour", "must be one of RED, DARK_BLUE, GREEN"));
    }

    @Test
    void aWrongValueNamesWhatTheFilterAccepts() {
        colours.parse(new String[] {"RED,PURPLE"}, errors);
        assertThat(errors).containsExactly(
                new FieldError("colours", "must be one or more of RED, DARK_BLUE, GREEN, repeated or comma-separated"));
    }

    @Test
    void theColumnIsTheParameterInSnakeCase() {
        assertThat(FeedFilter.oneOf("sourceKind", Colour.class).column()).isEqualTo("source_kind");
        assertThat(colour.column()).isEqualTo("colour");
    }

    @Test
    void onlyAOneValueFilterNamesAnOwnIndexValue() {
        assertThat(colour.withOwnIndexFor(Colour.RED).ownIndexValue()).isEqualTo(Colour.RED);
        assertThatIllegalArgumentException().isThrownBy(() -> colours.withOwnIndexFor(Colour.RED));
        assertThatIllegalArgumentException().isThrownBy(() -> FeedFilter.oneOf("Colour", Colour.class));
    }
}
