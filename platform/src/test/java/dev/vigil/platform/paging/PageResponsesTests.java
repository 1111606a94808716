package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

class PageResponsesTests {

    private static final String NEXT = "NEXT_cursor-1";

    @Test
    void linksToTheSameRequestWithTheNextCursorAndWithoutOffset() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/alerts");
        request.addParameter("limit", "20");
        request.addParameter("cursor", "OLD");
        request.addParameter("status", "UNREAD", "READ");
        request.addParameter("offset", "40");
        assertThat(NextPageLink.to(request, NEXT))
                .isEqualTo("</api/v1/alerts?limit=20&status=UNREAD&status=READ&cursor=NEXT_cursor-1>; rel=\"next\"");
    }

    @Test
    void encodesEveryOtherParameterSoItReadsBackTheSame() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/alerts");
        request.addParameter("q", "a b+c&d=e<>\"é,;");
        request.addParameter("from", "2026-03-01T10:00:00+02:00");
        assertThat(NextPageLink.to(request, NEXT)).isEqualTo("</api/v1/alerts?q=a%20b%2Bc%26d%3De%3C%3E%22%C3%A9%2C%3B"
                + "&from=2026-03-01T10%3A00%3A00%2B02%3A00&cursor=NEXT_cursor-1>; rel=\"next\"");
    }

    @Test
    void withoutOtherParametersTheLinkCarriesOnlyTheCursor() {
        assertThat(NextPageLink.to(new MockHttpServletRequest("GET", "/api/v1/exposures"), NEXT))
                .isEqualTo("</api/v1/exposures?cursor=NEXT_cursor-1>; rel=\"next\"");
    }

    @Test
    void answersWithALinkOnlyWhileThereIsMore() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/alerts");
        ResponseEntity<Page<String>> more = PageResponses.ok(Page.keyset(List.of("a"), NEXT), request);
        ResponseEntity<Page<String>> last = PageResponses.ok(Page.keyset(List.of("a"), null), request);
        assertThat(more.getStatusCode().value()).isEqualTo(200);
        assertThat(more.getHeaders().get(HttpHeaders.LINK)).containsExactly(NextPageLink.to(request, NEXT));
        assertThat(last.getHeaders().containsKey(HttpHeaders.LINK)).isFalse();
        assertThat(last.getBody()).isEqualTo(Page.keyset(List.of("a"), null));
    }
}
