package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.platform.PlatformTestApplication;
import dev.vigil.platform.testing.TestTokens;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(classes = PlatformTestApplication.class)
@AutoConfigureMockMvc
class PagingIntegrationTests {

    private static final String PROBE = "/api/v1/paging-probe";
    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>; rel=\"next\"$");
    /** Seeded rows share microseconds in threes, all within one millisecond: ties and sub-millisecond order. */
    private static final Instant SEEDED_FROM = Instant.parse("2026-03-01T12:00:00.000100Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    PagingProbeRows rows;

    @Autowired
    ObjectMapper json;

    @Test
    void walksToTheEndByCursorWhileRowsArriveWithoutSkippingOrRepeatingAny() throws Exception {
        UUID alice = UUID.randomUUID();
        List<KeysetPosition> seeded = seed(alice, 45, "a");
        seed(UUID.randomUUID(), 10, "a"); // another user's rows never show

        List<UUID> walked = new ArrayList<>();
        List<UUID> newest = new ArrayList<>();
        List<UUID> tiedAhead = new ArrayList<>();
        List<UUID> tiedBehind = new ArrayList<>();
        URI next = URI.create(PROBE + "?limit=7");
        int pages = 0;
        while (next != null) {
            MvcResult result = mvc.perform(as(alice, get(next))).andExpect(status().isOk()).andReturn();
            JsonNode page = json.readTree(result.getResponse().getContentAsString());
            List<KeysetPosition> shown = positions(page);
            shown.forEach(position -> walked.add(position.id()));
            next = nextLink(result, page);
            pages++;
            assertThat(pages).as("pages walked").isLessThan(20);
            if (next == null) {
                break;
            }
            // Between fetches: a new newest row, and two rows in the same microsecond as the last row shown, one
            // sorting before it (already passed, never shown) and one after it (still ahead, shown once).
            KeysetPosition last = shown.getLast();
            newest.add(insert(alice, Instant.now().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID()));
            UUID behind = new UUID(last.id().getMostSignificantBits(), last.id().getLeastSignificantBits() + 1);
            UUID ahead = new UUID(last.id().getMostSignificantBits(), last.id().getLeastSignificantBits() - 1);
            if (KeysetPosition.NEWEST_FIRST.compare(new KeysetPosition(last.createdAt(), behind), last) < 0
                    && KeysetPosition.NEWEST_FIRST.compare(new KeysetPosition(last.createdAt(), ahead), last) > 0) {
                tiedBehind.add(insert(alice, last.createdAt(), behind));
                tiedAhead.add(insert(alice, last.createdAt(), ahead));
            }
        }

        assertThat(walked).doesNotHaveDuplicates();
        assertThat(walked.stream().filter(id -> seeded.stream().anyMatch(p -> p.id().equals(id))).toList())
                .containsExactlyElementsOf(seeded.stream().map(KeysetPosition::id).toList());
        assertThat(tiedAhead).isNotEmpty();
        assertThat(walked).containsAll(tiedAhead).doesNotContainAnyElementsOf(tiedBehind)
                .doesNotContainAnyElementsOf(newest);
        assertThat(walked).hasSize(seeded.size() + tiedAhead.size());
    }

    @Test
    void theLinkKeepsTheFiltersEncodedAndTheCursorBoundToThemInAnyOrder() throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 6, "a b");
        seed(alice, 6, "c+d&e");
        seed(alice, 6, "other");

        List<String> kinds = new ArrayList<>();
        MvcResult result = mvc.perform(as(alice, get(PROBE).param("limit", "5").param("kind", "a b", "c+d&e")))
                .andExpect(status().isOk()).andReturn();
        JsonNode page = json.readTree(result.getResponse().getContentAsString());
        page.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        URI next = nextLink(result, page);
        assertThat(next.toString()).contains("kind=a%20b&kind=c%2Bd%26e&cursor=");
        while (next != null) {
            result = mvc.perform(as(alice, get(next))).andExpect(status().isOk()).andReturn();
            page = json.readTree(result.getResponse().getContentAsString());
            page.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
            next = nextLink(result, page);
        }
        assertThat(kinds).hasSize(12).containsOnly("a b", "c+d&e");

        String cursor = cursorFrom(alice, "kind", "a b", "kind", "c+d&e");
        mvc.perform(as(alice, get(PROBE).param("kind", "c+d&e", "a b", "a b").param("cursor", cursor)))
                .andExpect(status().isOk());
    }

    @Test
    void walksEveryRowOnceByOffsetAndAnOffsetPageContinuesByCursor() throws Exception {
        UUID alice = UUID.randomUUID();
        List<UUID> seeded = seed(alice, 23, "a").stream().map(KeysetPosition::id).toList();

        List<UUID> walked = new ArrayList<>();
        for (int offset = 0; ; offset += 10) {
            MvcResult result = mvc.perform(as(alice, get(PROBE).param("offset", String.valueOf(offset))
                            .param("limit", "10")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.offset").value(offset))
                    .andExpect(jsonPath("$.limit").value(10))
                    .andReturn();
            JsonNode page = json.readTree(result.getResponse().getContentAsString());
            positions(page).forEach(position -> walked.add(position.id()));
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
            // the offset page's link continues by cursor, to exactly the rows of the next offset page
            URI byCursor = nextLink(result, page);
            assertThat(byCursor.getQuery()).doesNotContain("offset").contains("limit=10");
            JsonNode continued = json.readTree(mvc.perform(as(alice, get(byCursor))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.offset").doesNotExist())
                    .andReturn().getResponse().getContentAsString());
            assertThat(positions(continued)).extracting(KeysetPosition::id)
                    .containsExactlyElementsOf(seeded.subList(offset + 10, Math.min(offset + 20, seeded.size())));
        }
        assertThat(walked).containsExactlyElementsOf(seeded);
    }

    @Test
    void exactlyOneFullPageHasNoMoreAndNoLink() throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 5, "a");
        mvc.perform(as(alice, get(PROBE).param("limit", "5")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.nextCursor").isEmpty())
                .andExpect(header().doesNotExist(HttpHeaders.LINK));
        mvc.perform(as(alice, get(PROBE).param("limit", "4")))
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.nextCursor").isString())
                .andExpect(header().string(HttpHeaders.LINK, startsWith("<" + PROBE + "?limit=4&cursor=")));
    }

    @Test
    void anEmptyListIsOneEmptyLastPage() throws Exception {
        mvc.perform(as(UUID.randomUUID(), get(PROBE)))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"items\":[],\"nextCursor\":null,\"hasMore\":false}", true))
                .andExpect(header().doesNotExist(HttpHeaders.LINK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "100"})
    void servesLimitsFromOneToAHundred(String limit) throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 101, "a");
        mvc.perform(as(alice, get(PROBE).param("limit", limit)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(Integer.parseInt(limit)))
                .andExpect(jsonPath("$.hasMore").value(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "abc", ""})
    void rejectsOtherLimitsAsAProblemNamingLimit(String limit) throws Exception {
        problem(get(PROBE).param("limit", limit), "limit").andExpect(jsonPath("$.errors[0].message")
                .value("must be between 1 and 100"));
    }

    @Test
    void rejectsAnOffsetBeyondTheCapPointingToCursors() throws Exception {
        mvc.perform(as(UUID.randomUUID(), get(PROBE).param("offset", "10000"))).andExpect(status().isOk());
        problem(get(PROBE).param("offset", "10001"), "offset")
                .andExpect(jsonPath("$.errors[0].message").value(containsString("nextCursor")));
        problem(get(PROBE).param("offset", "-1"), "offset");
    }

    @Test
    void rejectsACursorTogetherWithAnOffset() throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 3, "a");
        problem(alice, get(PROBE).param("cursor", cursorFrom(alice)).param("offset", "0"), "offset");
    }

    @Test
    void rejectsAModifiedCursor() throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 3, "a");
        String cursor = cursorFrom(alice);
        char flipped = cursor.charAt(10) == 'A' ? 'B' : 'A';
        problem(alice, get(PROBE).param("cursor", cursor.substring(0, 10) + flipped + cursor.substring(11)), "cursor")
                .andExpect(jsonPath("$.errors[0].message").value("is not valid for this request"));
        problem(alice, get(PROBE).param("cursor", cursor.substring(0, cursor.length() - 1)), "cursor");
    }

    @Test
    void rejectsAnotherUsersCursorWithoutShowingAnyRows() throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 3, "a");
        problem(UUID.randomUUID(), get(PROBE).param("cursor", cursorFrom(alice)), "cursor")
                .andExpect(jsonPath("$.items").doesNotExist());
    }

    @Test
    void rejectsACursorIssuedForOtherFilters() throws Exception {
        UUID alice = UUID.randomUUID();
        seed(alice, 3, "a");
        seed(alice, 3, "b");
        String forKindA = cursorFrom(alice, "kind", "a");
        problem(alice, get(PROBE).param("kind", "b").param("cursor", forKindA), "cursor");
        problem(alice, get(PROBE).param("cursor", forKindA), "cursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "%%%", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void rejectsMadeUpCursors(String cursor) throws Exception {
        problem(get(PROBE).param("cursor", cursor), "cursor");
    }

    private List<KeysetPosition> seed(UUID user, int count, String kind) {
        List<KeysetPosition> positions = IntStream.range(0, count)
                .mapToObj(i -> new KeysetPosition(SEEDED_FROM.plus(i / 3, ChronoUnit.MICROS), UUID.randomUUID()))
                .sorted(KeysetPosition.NEWEST_FIRST)
                .toList();
        positions.forEach(position -> rows.insert(user, position.id(), kind, position.createdAt()));
        return positions;
    }

    private UUID insert(UUID user, Instant createdAt, UUID id) {
        rows.insert(user, id, "a", createdAt);
        return id;
    }

    /** A cursor from the first page of two rows, asked for with these parameters. */
    private String cursorFrom(UUID user, String... parameters) throws Exception {
        MockHttpServletRequestBuilder request = get(PROBE).param("limit", "2");
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        JsonNode page = json.readTree(mvc.perform(as(user, request)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        return page.get("nextCursor").asText();
    }

    /** The Link header's target while there is more (checked against nextCursor), null at the end (no header). */
    private static URI nextLink(MvcResult result, JsonNode page) {
        String link = result.getResponse().getHeader(HttpHeaders.LINK);
        if (!page.get("hasMore").asBoolean()) {
            assertThat(link).isNull();
            assertThat(page.get("nextCursor").isNull()).isTrue();
            return null;
        }
        assertThat(link).isNotNull();
        Matcher matcher = NEXT_LINK.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        assertThat(matcher.group(1)).startsWith(PROBE + "?").endsWith("cursor=" + page.get("nextCursor").asText());
        return URI.create(matcher.group(1));
    }

    private static List<KeysetPosition> positions(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> new KeysetPosition(Instant.parse(item.get("createdAt").asText()),
                        UUID.fromString(item.get("id").asText())))
                .toList();
    }

    private ResultActions problem(MockHttpServletRequestBuilder request, String field) throws Exception {
        return problem(UUID.randomUUID(), request, field);
    }

    private ResultActions problem(UUID user, MockHttpServletRequestBuilder request, String field) throws Exception {
        return mvc.perform(as(user, request))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static MockHttpServletRequestBuilder as(UUID user, MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.user(user));
    }
}
