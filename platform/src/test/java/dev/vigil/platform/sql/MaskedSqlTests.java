package dev.vigil.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedSqlTests {

    @Test
    void literalsBecomePlaceholdersAndIdentifiersStay() {
        assertThat(MaskedSql.text("""
                /* identity.find */ SELECT t1.user_id, 'x' FROM identity.user_profile t1
                WHERE email = 'ann.o''neil@example.org' AND note = E'it\\'s me' AND age > 42 AND score = -1.5e3
                LIMIT 51"""))
                .isEqualTo("/* identity.find */ SELECT t1.user_id, ? FROM identity.user_profile t1 WHERE email = ? "
                        + "AND note = ? AND age > ? AND score = ? LIMIT ?");
    }

    @Test
    void bindPlaceholdersAndCastsAreKept() {
        assertThat(MaskedSql.text("SELECT pg_sleep(?), ?::text, col_2 FROM t WHERE (created_at, id) < (?, ?)"))
                .isEqualTo("SELECT pg_sleep(?), ?::text, col_2 FROM t WHERE (created_at, id) < (?, ?)");
    }

    @Test
    void longStatementsAreCut() {
        assertThat(MaskedSql.text("SELECT " + "a, ".repeat(1_000) + "b")).hasSize(2_003).endsWith("...");
    }
}
