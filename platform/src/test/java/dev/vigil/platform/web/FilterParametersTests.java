package dev.vigil.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class FilterParametersTests {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    enum Colour { RED, DARK_BLUE }

    private final FilterParameters parameters = new FilterParameters();

    @Test
    void absentParametersFilterNothingAndAreNoError() {
        assertThat(parameters.oneOf("colour", Colour.class, null)).isNull();
        assertThat(parameters.someOf("colours", Colour.class, null)).isEmpty();
        assertThat(parameters.instant("from", null, EARLIEST, LATEST)).isNull();
        parameters.requireAfter("to", null, "from", Instant.EPOCH);
        assertThatNoException().isThrownBy(parameters::validate);
    }

    @Test
    void enumValuesMatchInAnyCaseAroundSpaces() {
        assertThat(parameters.oneOf("colour", Colour.class, " dark_Blue ")).isEqualTo(Colour.DARK_BLUE);
        assertThat(parameters.someOf("colours", Colour.class, "red, DARK_BLUE,Red"))
                .containsExactly(Colour.RED, Colour.DARK_BLUE);
        assertThatNoException().isThrownBy(parameters::validate);
    }

    @Test
    void instantsNeedAnOffsetAndAreReadInUtc() {
        assertThat(parameters.instant("from", "2026-11-01T10:00:00+02:00", EARLIEST, LATEST))
                .isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(parameters.instant("to", "2026-11-01T10:00:00.123456Z", EARLIEST, LATEST))
                .isEqualTo(Instant.parse("2026-11-01T10:00:00.123456Z"));
        assertThatNoException().isThrownBy(parameters::validate);
    }

    @Test
    void anEmptyValueIsAnErrorNotAMissingFilter() {
        parameters.oneOf("colour", Colour.class, "");
        parameters.someOf("colours", Colour.class, "");
        parameters.someOf("shades", Colour.class, "RED,");
        parameters.instant("from", "", EARLIEST, LATEST);
        assertThat(errors()).extracting(FieldError::field).containsExactly("colour", "colours", "shades", "from");
    }

    @Test
    void everyWrongParameterIsNamedOnceWithWhatItAccepts() {
        parameters.oneOf("colour", Colour.class, "RED,DARK_BLUE"); // a repeated single-valued parameter
        parameters.someOf("colours", Colour.class, "RED,GREEN,PINK");
        parameters.instant("from", "2026-11-01T10:00:00", EARLIEST, LATEST);
        parameters.instant("to", "+10000-01-01T00:00:00Z", EARLIEST, LATEST);
        assertThat(errors()).containsExactly(
                new FieldError("colour", "must be one of RED, DARK_BLUE"),
                new FieldError("colours", "must be one or more of RED, DARK_BLUE, repeated or comma-separated"),
                new FieldError("from", "must be an ISO-8601 instant with an offset, such as 2026-11-01T00:00:00Z"),
                new FieldError("to", "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
    }

    @Test
    void toMustBeAfterFrom() {
        Instant at = Instant.parse("2026-11-01T10:00:00Z");
        parameters.requireAfter("to", at.plusNanos(1000), "from", at);
        assertThatNoException().isThrownBy(parameters::validate);
        parameters.requireAfter("to", at, "from", at);
        assertThat(errors()).containsExactly(new FieldError("to", "must be after from"));
    }

    @SuppressWarnings("unchecked")
    private List<FieldError> errors() {
        ErrorResponseException error = catchThrowableOfType(ErrorResponseException.class, parameters::validate);
        assertThat(error).as("400 expected").isNotNull();
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return (List<FieldError>) error.getBody().getProperties().get("errors");
    }
}
