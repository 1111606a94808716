package dev.vigil.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.monitoring.api.ExposureStatus;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.query.ExposureFilters;
import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ExposureFilterParametersTests {

    @Test
    void noParametersFilterNothing() {
        assertThat(ExposureFilterParameters.parse(null, null, null, null, null)).isEqualTo(ExposureFilters.NONE);
    }

    @Test
    void readsEveryFilter() {
        ExposureFilters filters = ExposureFilterParameters.parse("REMOVAL_FAILED", List.of("HIGH", " LOW , CRITICAL"),
                "PEOPLE_SEARCH", "2026-11-20T08:00:00Z", "2026-11-21T10:00:00+02:00");
        assertThat(filters).isEqualTo(new ExposureFilters(ExposureStatus.REMOVAL_FAILED,
                Set.of(Severity.LOW, Severity.HIGH, Severity.CRITICAL), SourceKind.PEOPLE_SEARCH,
                Instant.parse("2026-11-20T08:00:00Z"), Instant.parse("2026-11-21T08:00:00Z")));
    }

    @Test
    void namesEveryWrongParameterAtOnce() {
        assertThat(errors("active", List.of("HIGH", "URGENT"), "FORUM", "yesterday", "2026-13-01T00:00:00Z"))
                .extracting(FieldError::field).containsExactly("status", "severity", "sourceKind", "from", "to");
    }

    @Test
    void emptyValuesAreErrorsNotMissingFilters() {
        assertThat(errors("", List.of(), "", "", "")).extracting(FieldError::field)
                .containsExactly("status", "severity", "sourceKind", "from", "to");
        assertThat(errors(null, List.of("HIGH,"), null, null, null)).extracting(FieldError::field)
                .containsExactly("severity");
    }

    @Test
    void toMustComeAfterFrom() {
        assertThat(errors(null, null, null, "2026-11-20T08:00:00Z", "2026-11-20T08:00:00Z"))
                .containsExactly(new FieldError("to", "must be after from"));
    }

    @Test
    void instantsBeyondTheSupportedYearsAreErrors() {
        assertThat(errors(null, null, null, "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"))
                .extracting(FieldError::field).containsExactly("from", "to");
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(String status, List<String> severities, String sourceKind, String from,
            String to) {
        Throwable thrown = null;
        try {
            ExposureFilterParameters.parse(status, severities, sourceKind, from, to);
        } catch (InvalidExposureFilters e) {
            thrown = e;
        }
        assertThat(thrown).as("400 expected").isNotNull();
        ProblemDetail problem = ((InvalidExposureFilters) thrown).getBody();
        assertThat(problem.getStatus()).isEqualTo(400);
        return (List<FieldError>) problem.getProperties().get("errors");
    }
}
