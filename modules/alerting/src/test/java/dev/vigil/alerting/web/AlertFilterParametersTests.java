package dev.vigil.alerting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.alerting.api.AlertCategory;
import dev.vigil.alerting.api.AlertSeverity;
import dev.vigil.alerting.api.AlertStatus;
import dev.vigil.alerting.query.AlertFilter;
import dev.vigil.platform.web.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;

class AlertFilterParametersTests {

    @Test
    void noFilterParametersFilterNothing() {
        assertThat(AlertFilterParameters.parse(null, null, null, null, null)).isEqualTo(AlertFilter.NONE);
    }

    @Test
    void readsEveryFilterInAnyCase() {
        AlertFilter filter = AlertFilterParameters.parse("unread", "High", "new_exposure", "2026-05-01T12:00:00+02:00",
                "2026-05-02T00:00:00Z");
        assertThat(filter).isEqualTo(new AlertFilter(AlertStatus.UNREAD, Set.of(AlertSeverity.HIGH),
                AlertCategory.NEW_EXPOSURE, Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-02T00:00:00Z")));
    }

    @Test
    void takesSeveralSeveritiesCommaSeparatedAsRepeatedOnesArriveJoined() {
        assertThat(parse("severity", "LOW,critical, HIGH,LOW").severities())
                .containsExactly(AlertSeverity.LOW, AlertSeverity.HIGH, AlertSeverity.CRITICAL);
    }

    @Test
    void namesEachWrongParameter() {
        assertThat(errors("status", "gone")).containsExactly(
                new FieldError("status", "must be one of UNREAD, READ, DISMISSED"));
        assertThat(errors("status", "READ,UNREAD")).extracting(FieldError::field).containsExactly("status");
        assertThat(errors("severity", "HIGH,,LOW")).extracting(FieldError::field).containsExactly("severity");
        assertThat(errors("severity", "")).extracting(FieldError::field).containsExactly("severity");
        assertThat(errors("category", "PAYMENT")).extracting(FieldError::field).containsExactly("category");
        assertThat(errors("from", "2026-05-01")).extracting(FieldError::field).containsExactly("from");
        assertThat(errors("to", "2026-05-01T10:00:00")).extracting(FieldError::field).containsExactly("to");
        assertThat(errors("to", "+20000-01-01T00:00:00Z")).extracting(FieldError::message)
                .containsExactly("must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        assertThat(errors("from", "2026-05-01T10:00:00Z", "to", "2026-05-01T10:00:00Z"))
                .containsExactly(new FieldError("to", "must be after from"));
        assertThat(errors("status", "x", "category", "y")).extracting(FieldError::field)
                .containsExactly("status", "category");
    }

    private static AlertFilter parse(String... parameters) {
        MultiValueMap<String, String> map = map(parameters);
        return AlertFilterParameters.parse(map.getFirst("status"), map.getFirst("severity"), map.getFirst("category"),
                map.getFirst("from"), map.getFirst("to"));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(String... parameters) {
        ErrorResponseException error = catchThrowableOfType(ErrorResponseException.class, () -> parse(parameters));
        assertThat(error).isNotNull();
        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return (List<FieldError>) error.getBody().getProperties().get("errors");
    }

    private static MultiValueMap<String, String> map(String... parameters) {
        MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.add(parameters[i], parameters[i + 1]);
        }
        return map;
    }
}
