package dev.vigil.monitoring.web;

import static dev.vigil.monitoring.MonitoringTestSupport.registerUser;
import static dev.vigil.monitoring.web.ExposureApi.exposures;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.monitoring.api.DataType;
import dev.vigil.monitoring.api.FailRemoval;
import dev.vigil.monitoring.api.FindingReceipt;
import dev.vigil.monitoring.api.ReportFinding;
import dev.vigil.monitoring.api.RequestRemoval;
import dev.vigil.monitoring.api.Severity;
import dev.vigil.monitoring.api.SourceKind;
import dev.vigil.monitoring.web.ExposureApi.Answer;
import dev.vigil.platform.id.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/exposures/{id}} shows the whole exposure, exactly as its list item does. */
class ExposureDetailIntegrationTests extends ExposureWebIntegrationTestSupport {

    @Test
    void showsEverythingTheReadModelHoldsAboutTheExposure() throws Exception {
        ExposureApi api = api();
        UUID user = newUser();
        UUID exposureId = commands.<FindingReceipt>send(new ReportFinding(user, TimeOrderedIds.next(),
                " Acme People Search ", SourceKind.PEOPLE_SEARCH, List.of(DataType.PHONE, DataType.ADDRESS),
                Severity.HIGH, Instant.parse("2026-11-20T08:00:00Z"))).exposureId();
        commands.send(new RequestRemoval(exposureId, user));
        commands.send(new FailRemoval(exposureId, "broker did not answer"));

        Answer answer = api.get(user, "/api/v1/exposures/" + exposureId);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode exposure = answer.body();
        Map<String, Object> row = jdbc.sql("""
                        SELECT created_at, updated_at, removal_requested_at FROM monitoring.exposure_feed
                        WHERE exposure_id = :id""").param("id", exposureId).query().singleRow();
        assertThat(exposure.get("exposureId").asText()).isEqualTo(exposureId.toString());
        assertThat(exposure.get("sourceName").asText()).isEqualTo("Acme People Search");
        assertThat(exposure.get("sourceKind").asText()).isEqualTo("PEOPLE_SEARCH");
        // sorted in the enum's order, as ExposureDetected holds them
        assertThat(exposure.get("dataTypes")).extracting(JsonNode::asText).containsExactly("PHONE", "ADDRESS");
        assertThat(exposure.get("severity").asText()).isEqualTo("HIGH");
        assertThat(exposure.get("status").asText()).isEqualTo("REMOVAL_FAILED");
        assertThat(exposure.get("foundAt").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(instant(exposure, "createdAt")).isEqualTo(instant(row, "created_at"));
        assertThat(instant(exposure, "updatedAt")).isEqualTo(instant(row, "updated_at"));
        assertThat(instant(exposure, "removalRequestedAt")).isEqualTo(instant(row, "removal_requested_at"));
        assertThat(exposure.get("removedAt").isNull()).isTrue();
        assertThat(exposure.get("reappearedCount").asInt()).isZero();
        assertThat(exposure.get("lastFailureReason").asText()).isEqualTo("broker did not answer");
        assertThat(exposure.has("userId")).as("the caller knows who they are").isFalse();

        JsonNode listed = api.get(user, exposures()).body().get("items").get(0);
        assertThat(listed).isEqualTo(exposure);
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof OffsetDateTime dateTime ? dateTime.toInstant() : ((Timestamp) value).toInstant();
    }
}
