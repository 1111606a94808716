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
import org.springframework.web.ErrorResponseException;

/** How the alert list's parameters map onto its filter; the shared parsing rules are FilterParametersTests'. */
class AlertFilterParametersTests {

    @Test
    void noFilterParametersFilterNothing() {
        assertThat(AlertFilterParameters.parse(null, null, null, null, null)).isEqualTo(AlertFilter.NONE);
    }

    @Test
    void readsEveryFilterInAnyCase() {
        AlertFilter filter = AlertFilterParameters.parse("unread", "High,low", "new_exposure",
                "2026-05-01T12:00:00+02:00", "2026-05-02T00:00:00Z");
        assertThat(filter).isEqualTo(new AlertFilter(AlertStatus.UNREAD, Set.of(AlertSeverity.HIGH, AlertSeverity.LOW),
                AlertCategory.NEW_EXPOSURE, Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-02T00:00:00Z")));
    }

    @SuppressWarnings("unchecked")
    @Test
    void namesEveryWrongParameterAtOnce() {
        ErrorResponseException error = catchThrowableOfType(ErrorResponseException.class,
                () -> AlertFilterParameters.parse("READ,UNREAD", "HIGH,,LOW", "PAYMENT", "2026-05-01",
                        "+20000-01-01T00:00:00Z"));
        assertThat((List<FieldError>) error.getBody().getProperties().get("errors")).extracting(FieldError::field)
                .containsExactly("status", "severity", "category", "from", "to");
    }
}
