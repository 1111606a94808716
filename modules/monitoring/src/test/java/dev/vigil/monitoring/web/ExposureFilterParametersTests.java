package dev.vigil.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.query.ExposureFilters;
import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/** How the exposure list's parameters map onto its filters; the shared parsing rules are FilterParametersTests'. */
class ExposureFilterParametersTests {

    @Test
    void noParametersFilterNothing() {
        assertThat(ExposureFilterParameters.parse(null, null, null, null, null)).isEqualTo(ExposureFilters.NONE);
    }

    @Test
    void readsEveryFilterInAnyCase() {
        ExposureFilters filters = ExposureFilterParameters.parse("removal_failed", "HIGH, low , Critical",
                "PEOPLE_SEARCH", "2026-11-20T08:00:00Z", "2026-11-21T10:00:00+02:00");
        assertThat(filters).isEqualTo(new ExposureFilters(ExposureStatus.REMOVAL_FAILED,
                Set.of(Severity.LOW, Severity.HIGH, Severity.CRITICAL), SourceKind.PEOPLE_SEARCH,
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-21T08:00:00Z")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void namesEveryWrongParameterAtOnce() {
        ErrorResponseException error = catchThrowableOfType(ErrorResponseException.class,
                () -> ExposureFilterParameters.parse("gone", "HIGH,URGENT", "FORUM", "yesterday", "-0001-01-01T00:00:00Z"));
        assertThat((List<FieldError>) error.getBody().getProperties().get("errors")).extracting(FieldError::field)
                .containsExactly("status", "severity", "sourceKind", "from", "to");
    }
}
