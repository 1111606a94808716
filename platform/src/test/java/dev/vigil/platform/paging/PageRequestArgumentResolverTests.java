package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.platform.security.JwtProperties;
import dev.vigil.platform.web.FieldError;
import dev.vigil.platform.web.ProblemDetailsAdvice;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

class PageRequestArgumentResolverTests {

    private static final int MAX_OFFSET = 30;
    private static final FieldError LIMIT_OUT_OF_RANGE = new FieldError("limit", "must be between 1 and 100");

    private final CursorCodec cursors = CursorCodec.keyedBy(JwtProperties.DEVELOPMENT_SECRET);
    private final PageRequestArgumentResolver resolver = new PageRequestArgumentResolver(cursors, MAX_OFFSET);

    @Test
    void defaultsToFiftyRowsFromTheNewest() {
        PageQuery query = resolve().bind("platform.probe", UUID.randomUUID(), PageFilters.NONE);
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.fetchSize()).isEqualTo(51);
        assertThat(query.isOffsetPage()).isFalse();
        assertThat(query.isFirstPage()).isTrue();
        assertThat(query.after()).isEqualTo(KeysetPosition.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100", "007"})
    void acceptsLimitsFromOneToAHundred(String limit) {
        assertThat(resolve("limit", limit).limit()).isEqualTo(Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "abc", "1.5", "", " 5", "+5", "5 ", "0x10", "99999999999", "１０"})
    void rejectsEveryOtherLimit(String limit) {
        assertThat(rejected("limit", limit)).containsExactly(LIMIT_OUT_OF_RANGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "30"})
    void acceptsOffsetsUpToTheConfiguredCap(String offset) {
        PageQuery query = resolve("offset", offset).bind("platform.probe", UUID.randomUUID(), PageFilters.NONE);
        assertThat(query.isOffsetPage()).isTrue();
        assertThat(query.offset()).isEqualTo(Integer.parseInt(offset));
        assertThat(query.after()).isEqualTo(KeysetPosition.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31", "10001", "99999999999999999999"})
    void rejectsOffsetsAboveTheCapPointingToCursors(String offset) {
        List<FieldError> errors = rejected("offset", offset);
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("offset");
            assertThat(error.message()).contains("at most 30", "nextCursor");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "", "2.0"})
    void rejectsNegativeOrNonNumericOffsets(String offset) {
        assertThat(rejected("offset", offset)).containsExactly(new FieldError("offset", "must be between 0 and 30"));
    }

    @Test
    void rejectsACursorTogetherWithAnOffset() {
        assertThat(rejected("offset", "10", "cursor", "AAAA"))
                .containsExactly(new FieldError("offset", "cannot be combined with cursor"));
    }

    @Test
    void rejectsARepeatedParameterRatherThanPickingOne() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/probe");
        request.addParameter("limit", "10", "20");
        assertThatThrownBy(() -> resolver.resolveArgument(null, null, new ServletWebRequest(request), null))
                .isInstanceOfSatisfying(InvalidPageRequestException.class, rejection -> assertThat(rejection.errors())
                        .containsExactly(new FieldError("limit", "must be given once")));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThat(rejected("limit", "0", "offset", "-5"))
                .containsExactly(LIMIT_OUT_OF_RANGE, new FieldError("offset", "must be between 0 and 30"));
    }

    @Test
    void rejectionIsTheInvalidInputProblem() {
        assertThatThrownBy(() -> resolve("limit", "abc"))
                .isInstanceOfSatisfying(InvalidPageRequestException.class, rejection -> {
                    assertThat(rejection.getStatusCode().value()).isEqualTo(400);
                    assertThat(rejection.getBody().getType()).isEqualTo(ProblemDetailsAdvice.INVALID_INPUT);
                    assertThat(rejection.getBody().getProperties()).containsEntry("errors", List.of(LIMIT_OUT_OF_RANGE));
                });
    }

    @Test
    void checksTheCursorWhenBoundToTheRequestsUserAndFilters() {
        UUID alice = UUID.randomUUID();
        PageFilters unread = PageFilters.builder().with("status", "UNREAD").build();
        KeysetPosition position = new KeysetPosition(java.time.Instant.parse("2026-03-01T12:00:00.000001Z"),
                UUID.randomUUID());
        String cursor = cursors.encode(position, new CursorBinding("platform.probe", alice, unread));

        PageQuery next = resolve("cursor", cursor, "limit", "10").bind("platform.probe", alice, unread);
        assertThat(next.after()).isEqualTo(position);
        assertThat(next.isFirstPage()).isFalse();

        assertThatThrownBy(() -> resolve("cursor", cursor).bind("platform.probe", UUID.randomUUID(), unread))
                .isInstanceOfSatisfying(InvalidPageRequestException.class, rejection -> assertThat(rejection.errors())
                        .containsExactly(new FieldError("cursor", "is not valid for this request")));
        assertThatThrownBy(() -> resolve("cursor", cursor).bind("platform.probe", alice, PageFilters.NONE))
                .isInstanceOf(InvalidPageRequestException.class);
        assertThatThrownBy(() -> resolve("cursor", "").bind("platform.probe", alice, unread))
                .isInstanceOf(InvalidPageRequestException.class);
    }

    private PageRequest resolve(String... parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/probe");
        for (int i = 0; i < parameters.length; i += 2) {
            request.addParameter(parameters[i], parameters[i + 1]);
        }
        return resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
    }

    private List<FieldError> rejected(String... parameters) {
        try {
            resolve(parameters);
        } catch (InvalidPageRequestException rejection) {
            return rejection.errors();
        }
        throw new AssertionError("accepted " + List.of(parameters));
    }
}
