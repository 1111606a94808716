package dev.vigil.monitoring.api;

import static dev.vigil.monitoring.api.DataType.ADDRESS;
import static dev.vigil.monitoring.api.DataType.EMAIL;
import static dev.vigil.monitoring.api.DataType.PHONE;
import static dev.vigil.monitoring.api.SourceKind.BREACH;
import static dev.vigil.monitoring.api.SourceKind.DATA_BROKER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTests {

    @Test
    void ignoresCaseSurroundingAndRepeatedSpaceAndDataTypeOrder() {
        Fingerprint reference = Fingerprint.of("Acme People Search", DATA_BROKER, List.of(EMAIL, PHONE));
        assertThat(Fingerprint.of("  ACME  people\tsearch ", DATA_BROKER, List.of(PHONE, EMAIL, PHONE)))
                .isEqualTo(reference);
    }

    @Test
    void foldsCaseBeyondAsciiAndCompatibilityForms() {
        assertThat(Fingerprint.of("Straße Daten", BREACH, List.of(EMAIL)))
                .isEqualTo(Fingerprint.of("STRASSE DATEN", BREACH, List.of(EMAIL)));
        // a non-breaking space and full-width letters are compatibility forms of the plain ones
        assertThat(Fingerprint.of("Acme\u00A0Ｄata", BREACH, List.of(EMAIL)))
                .isEqualTo(Fingerprint.of("acme data", BREACH, List.of(EMAIL)));
    }

    @Test
    void differsByNameKindOrDataTypes() {
        Fingerprint reference = Fingerprint.of("Acme", DATA_BROKER, List.of(EMAIL));
        assertThat(Fingerprint.of("Acme 2", DATA_BROKER, List.of(EMAIL))).isNotEqualTo(reference);
        assertThat(Fingerprint.of("Acme", BREACH, List.of(EMAIL))).isNotEqualTo(reference);
        assertThat(Fingerprint.of("Acme", DATA_BROKER, List.of(EMAIL, ADDRESS))).isNotEqualTo(reference);
    }

    @Test
    void aNameCannotImitateTheFieldsAfterIt() {
        assertThat(Fingerprint.of("a|DATA_BROKER", BREACH, List.of(EMAIL)))
                .isNotEqualTo(Fingerprint.of("a", DATA_BROKER, List.of(EMAIL)));
    }

    @Test
    void isSha256InHexAndNeverChanges() {
        Fingerprint fingerprint = Fingerprint.of("Acme", DATA_BROKER, List.of(EMAIL, PHONE));
        assertThat(fingerprint.bytes()).hasSize(32);
        // pinned (sha256 of "exposure-fingerprint-v1|4|acme|DATA_BROKER|EMAIL,PHONE"): stored claims depend on it
        assertThat(fingerprint.sha256Hex())
                .isEqualTo("5c6a92d6a1d95e2e02ff26cec9b4203367728942c4e3959e3a030c9c58686299");
    }
}
