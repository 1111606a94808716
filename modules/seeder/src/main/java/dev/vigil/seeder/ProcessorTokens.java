package dev.vigil.seeder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Puts every event processor of the service at the head of the seeded event stream, one unclaimed token per
 * segment, in the form Axon's JDBC token store writes: the service starts on the seeded rows without
 * replaying them. {@code SeededServiceIntegrationTests} checks this list against the processors the service
 * really has.
 */
final class ProcessorTokens {

    static final List<String> PROCESSORS = List.of("alerting-alert-feed", "alerting-policy", "billing-known-users",
            "billing-subscription", "dashboard-summary", "identity-user-profile", "monitoring-exposure-feed",
            "monitoring-known-users");

    private static final String CLEAR = "/* seeder.token_clear */ DELETE FROM axon.token_entry";
    private static final String INSERT = """
            /* seeder.token_insert */
            INSERT INTO axon.token_entry (processor_name, segment, token, token_type, timestamp, owner)
            VALUES (?, ?, ?, ?, ?, NULL)""";

    private ProcessorTokens() {
    }

    static void atHead(Connection connection, long head, int segments, Serializer serializer) throws SQLException {
        SerializedObject<byte[]> token =
                serializer.serialize(GapAwareTrackingToken.newInstance(head, List.of()), byte[].class);
        try (PreparedStatement clear = connection.prepareStatement(CLEAR);
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            clear.executeUpdate();
            for (String processor : PROCESSORS) {
                for (int segment = 0; segment < segments; segment++) {
                    insert.setString(1, processor);
                    insert.setInt(2, segment);
                    insert.setBytes(3, token.getData());
                    insert.setString(4, token.getType().getName());
                    insert.setString(5, DateTimeUtils.formatInstant(Instant.now()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
