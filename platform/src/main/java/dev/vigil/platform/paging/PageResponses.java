package dev.vigil.platform.paging;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer for a page: 200 with the page as the body and, while there are more rows, a
 * {@code Link: <...>; rel="next"} header pointing at the next page.
 */
public final class PageResponses {

    private PageResponses() {
    }

    public static <T> ResponseEntity<Page<T>> ok(Page<T> page, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            link(response, request, page.nextCursor());
        }
        return response.body(page);
    }

    /** Adds the {@code Link: <...>; rel="next"} header for a page that continues at {@code nextCursor}. */
    public static void link(ResponseEntity.HeadersBuilder<?> response, HttpServletRequest request, String nextCursor) {
        response.header(HttpHeaders.LINK, NextPageLink.to(request, nextCursor));
    }
}
