package dev.vigil.identity.command;

import dev.vigil.identity.domain.EmailAddress;
import dev.vigil.identity.domain.EmailAlreadyRegistered;
import dev.vigil.identity.domain.EmailRegistry;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Email claims in {@code identity.email_claim}, written inside the command's transaction: the claim and
 * the UserRegistered event commit together or not at all.
 */
@Component
class JdbcEmailRegistry implements EmailRegistry {

    private static final String CLAIM = """
            /* identity.email_claim */
            INSERT INTO identity.email_claim (email, user_id) VALUES (:email, :userId)
            ON CONFLICT (email) DO NOTHING
            RETURNING user_id""";

    private final JdbcClient jdbc;

    JdbcEmailRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(EmailAddress email, UUID userId) {
        List<UUID> claimed = jdbc.sql(CLAIM)
                .param("email", email.value())
                .param("userId", userId)
                .query(UUID.class)
                .list();
        if (claimed.isEmpty()) {
            throw new EmailAlreadyRegistered(email);
        }
    }
}
