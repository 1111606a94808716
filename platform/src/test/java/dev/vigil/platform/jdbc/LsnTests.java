package dev.vigil.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LsnTests {

    @Test
    void readsBothHalvesAsHexadecimal() {
        assertThat(Lsn.parse("0/3000000")).isEqualTo(0x3000000L);
        assertThat(Lsn.parse("16/B374D848")).isEqualTo(0x16_B374D848L);
    }

    @Test
    void ordersPositionsAcrossTheHalves() {
        assertThat(Lsn.parse("1/0")).isGreaterThan(Lsn.parse("0/FFFFFFFF"));
    }

    @Test
    void refusesWhatIsNoPosition() {
        assertThatIllegalArgumentException().isThrownBy(() -> Lsn.parse("3000000"));
    }
}
