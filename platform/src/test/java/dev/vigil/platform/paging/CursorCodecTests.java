package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.platform.security.JwtProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTests {

    private static final String SECRET = JwtProperties.DEVELOPMENT_SECRET;
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final UUID ALICE = UUID.fromString("0196a1f0-0000-7000-8000-00000000a11c");
    private static final UUID BOB = UUID.fromString("0196a1f0-0000-7000-8000-000000000b0b");
    private static final PageFilters UNREAD_HIGH = PageFilters.builder()
            .with("status", "UNREAD").with("severity", "HIGH", "CRITICAL").build();
    private static final CursorBinding ALICE_UNREAD_HIGH = new CursorBinding("alerting.alerts", ALICE, UNREAD_HIGH);
    private static final KeysetPosition POSITION = new KeysetPosition(Instant.parse("2026-03-01T12:34:56.123457Z"),
            UUID.fromString("0195f3c2-7b1e-7cc4-9a55-4d1f0e9b2a10"));

    private final CursorCodec codec = CursorCodec.keyedBy(SECRET);
    private final String cursor = codec.encode(POSITION, ALICE_UNREAD_HIGH);

    @Test
    void roundTripsThePositionToTheMicrosecond() {
        assertThat(codec.decode(cursor, ALICE_UNREAD_HIGH)).contains(POSITION);
    }

    @Test
    void roundTripsInstantsBeforeTheEpochAndTheStartPosition() {
        KeysetPosition beforeEpoch = new KeysetPosition(Instant.parse("1969-12-31T23:59:59.999999Z"), POSITION.id());
        assertThat(codec.decode(codec.encode(beforeEpoch, ALICE_UNREAD_HIGH), ALICE_UNREAD_HIGH)).contains(beforeEpoch);
        assertThat(codec.decode(codec.encode(KeysetPosition.START, ALICE_UNREAD_HIGH), ALICE_UNREAD_HIGH))
                .contains(KeysetPosition.START);
    }

    @Test
    void isUrlSafeBase64WithoutPadding() {
        assertThat(cursor).hasSize(CursorCodec.CURSOR_CHARS).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void rejectsEveryOneCharacterChange() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < cursor.length(); i++) {
            for (char replacement : BASE64URL.toCharArray()) {
                if (replacement == cursor.charAt(i)) {
                    continue;
                }
                String modified = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
                if (codec.decode(modified, ALICE_UNREAD_HIGH).isPresent()) {
                    accepted.add(modified);
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void rejectsAPositionChangedUnderAnUnchangedSignature() {
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);
        ByteBuffer.wrap(bytes).putLong(1, POSITION.epochMicros() + 1); // one microsecond later, tag kept
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(codec.decode(moved, ALICE_UNREAD_HIGH)).isEmpty();
    }

    @Test
    void rejectsEveryTruncationAndAnythingAppended() {
        for (int length = 0; length < cursor.length(); length++) {
            assertThat(codec.decode(cursor.substring(0, length), ALICE_UNREAD_HIGH)).as("first %d", length).isEmpty();
            assertThat(codec.decode(cursor.substring(cursor.length() - length), ALICE_UNREAD_HIGH))
                    .as("last %d", length).isEmpty();
        }
        assertThat(codec.decode(cursor + "A", ALICE_UNREAD_HIGH)).isEmpty();
        assertThat(codec.decode(cursor + "=", ALICE_UNREAD_HIGH)).isEmpty();
        assertThat(codec.decode(cursor + cursor, ALICE_UNREAD_HIGH)).isEmpty();
    }

    @Test
    void rejectsGarbage() {
        List<String> garbage = List.of("", "not-a-cursor", "%%%", "null", " ".repeat(CursorCodec.CURSOR_CHARS),
                "!".repeat(CursorCodec.CURSOR_CHARS), "A".repeat(CursorCodec.CURSOR_CHARS),
                // the standard alphabet's + and / are not base64url
                cursor.replace('-', '+').replace('_', '/').substring(0, CursorCodec.CURSOR_CHARS - 1) + "+",
                "é".repeat(CursorCodec.CURSOR_CHARS), "x".repeat(100_000));
        garbage.forEach(text -> assertThat(codec.decode(text, ALICE_UNREAD_HIGH)).as(text).isEmpty());
    }

    @Test
    void rejectsACursorIssuedToAnotherUser() {
        assertThat(codec.decode(cursor, new CursorBinding("alerting.alerts", BOB, UNREAD_HIGH))).isEmpty();
    }

    @Test
    void rejectsACursorIssuedForOtherFilters() {
        PageFilters readHigh = PageFilters.builder()
                .with("status", "READ").with("severity", "HIGH", "CRITICAL").build();
        PageFilters unreadCritical = PageFilters.builder()
                .with("status", "UNREAD").with("severity", "CRITICAL").build();
        assertThat(codec.decode(cursor, new CursorBinding("alerting.alerts", ALICE, readHigh))).isEmpty();
        assertThat(codec.decode(cursor, new CursorBinding("alerting.alerts", ALICE, unreadCritical))).isEmpty();
        assertThat(codec.decode(cursor, new CursorBinding("alerting.alerts", ALICE, PageFilters.NONE))).isEmpty();
    }

    @Test
    void acceptsTheSameFiltersGivenInAnotherOrder() {
        PageFilters reordered = PageFilters.builder()
                .with("severity", "CRITICAL", "HIGH", "HIGH").with("status", "UNREAD").build();
        assertThat(codec.decode(cursor, new CursorBinding("alerting.alerts", ALICE, reordered))).contains(POSITION);
    }

    @Test
    void rejectsACursorIssuedForAnotherFeed() {
        assertThat(codec.decode(cursor, new CursorBinding("monitoring.exposures", ALICE, UNREAD_HIGH))).isEmpty();
    }

    @Test
    void rejectsACursorOfAnotherVersionEvenWhenSignedWithTheSameKey() {
        for (byte version : new byte[] {0, 2, -1}) {
            String other = new CursorCodec(CursorCodec.keyFor(SECRET), version).encode(POSITION, ALICE_UNREAD_HIGH);
            assertThat(codec.decode(other, ALICE_UNREAD_HIGH)).as("version %d", version).isEmpty();
        }
    }

    @Test
    void rejectsACursorSignedWithAnotherSecret() {
        String foreign = CursorCodec.keyedBy("another-deployment-secret-0123456789abcdef")
                .encode(POSITION, ALICE_UNREAD_HIGH);
        assertThat(codec.decode(foreign, ALICE_UNREAD_HIGH)).isEmpty();
    }

    @Test
    void signsWithAKeyDerivedFromTheSecretNotTheSecretItself() {
        String signedWithTheRawSecret = new CursorCodec(SECRET.getBytes(StandardCharsets.UTF_8), CursorCodec.VERSION)
                .encode(POSITION, ALICE_UNREAD_HIGH);
        assertThat(codec.decode(signedWithTheRawSecret, ALICE_UNREAD_HIGH)).isEmpty();
    }
}
