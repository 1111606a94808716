package dev.vigil.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.platform.sql.RequestStatements;
import dev.vigil.platform.testing.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls the exposure read endpoints as a user and reads their answers. */
final class ExposureApi {

    static final String EXPOSURES = "/api/v1/exposures";
    private static final Pattern NEXT_LINK = Pattern.compile("^<([^>]+)>; rel=\"next\"$");

    private final MockMvc mvc;
    private final ObjectMapper json;

    ExposureApi(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** One answer: status, body, and how many SQL statements the request ran. */
    record Answer(int status, JsonNode body, int statements, String rawBody, MvcResult result) {

        List<UUID> ids() {
            List<UUID> ids = new ArrayList<>();
            body.get("items").forEach(item -> ids.add(UUID.fromString(item.get("exposureId").asText())));
            return ids;
        }

        boolean hasMore() {
            return body.get("hasMore").asBoolean();
        }

        /** The Link header's next page, checked against nextCursor; null at the end, where neither exists. */
        URI next() {
            String link = result.getResponse().getHeader(HttpHeaders.LINK);
            if (!hasMore()) {
                assertThat(link).as("no Link header on the last page").isNull();
                assertThat(body.get("nextCursor").isNull()).isTrue();
                return null;
            }
            assertThat(link).as("Link header while there is more").isNotNull();
            Matcher matcher = NEXT_LINK.matcher(link);
            assertThat(matcher.matches()).as(link).isTrue();
            assertThat(matcher.group(1)).startsWith(EXPOSURES + "?")
                    .endsWith("cursor=" + body.get("nextCursor").asText());
            return URI.create(matcher.group(1));
        }

        /** A problem's body without {@code instance}, which names the request path. */
        JsonNode problem() {
            ObjectNode problem = body.deepCopy();
            problem.remove("instance");
            return problem;
        }
    }

    Answer get(UUID user, String pathAndQuery) throws Exception {
        return get(user, URI.create(pathAndQuery));
    }

    Answer get(UUID user, URI target) throws Exception {
        MvcResult result = mvc.perform(MockMvcRequestBuilders.get(target)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(user))).andReturn();
        String body = result.getResponse().getContentAsString();
        Object statements = result.getRequest().getAttribute(RequestStatements.REQUEST_ATTRIBUTE);
        return new Answer(result.getResponse().getStatus(), body.isEmpty() ? json.nullNode() : json.readTree(body),
                statements == null ? -1 : (Integer) statements, body, result);
    }

    /** Follows the Link headers from {@code first} to the end; every id, in the order the pages showed them. */
    List<UUID> walk(UUID user, String first) throws Exception {
        List<UUID> walked = new ArrayList<>();
        URI next = URI.create(first);
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("pages walked from " + first).isLessThan(200);
            Answer page = get(user, next);
            assertThat(page.status()).as(page.rawBody()).isEqualTo(200);
            walked.addAll(page.ids());
            next = page.next();
        }
        return walked;
    }

    /** Asks for offsets 0, limit, 2 * limit, ... until hasMore is false; every id, in the order shown. */
    List<UUID> walkByOffset(UUID user, int limit) throws Exception {
        List<UUID> walked = new ArrayList<>();
        for (int offset = 0; ; offset += limit) {
            assertThat(offset / limit).as("pages walked by offset").isLessThan(200);
            Answer page = get(user, exposures("limit", String.valueOf(limit), "offset", String.valueOf(offset)));
            assertThat(page.status()).as(page.rawBody()).isEqualTo(200);
            assertThat(page.body().get("offset").asInt()).isEqualTo(offset);
            walked.addAll(page.ids());
            if (!page.hasMore()) {
                return walked;
            }
        }
    }

    /** {@code /api/v1/exposures} with these query parameters (name, value, name, value...), percent-encoded. */
    static String exposures(String... parameters) {
        StringBuilder uri = new StringBuilder(EXPOSURES);
        for (int i = 0; i < parameters.length; i += 2) {
            uri.append(i == 0 ? '?' : '&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return uri.toString();
    }
}
