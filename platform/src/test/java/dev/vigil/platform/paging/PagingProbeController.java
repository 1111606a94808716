package dev.vigil.platform.paging;

import dev.vigil.platform.paging.PagingProbeRows.ProbeRow;
import dev.vigil.platform.web.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A list endpoint written the way module controllers write theirs, over {@link PagingProbeRows}. */
@RestController
class PagingProbeController {

    static final String FEED = "platform.paging_probe";

    private final PagingProbeRows rows;

    PagingProbeController(PagingProbeRows rows) {
        this.rows = rows;
    }

    @GetMapping("/api/v1/paging-probe")
    ResponseEntity<Page<ProbeRow>> list(@CurrentUser UUID user, PageRequest page,
            @RequestParam(name = "kind", required = false) Set<String> kinds, HttpServletRequest request) {
        Set<String> kindFilter = kinds == null ? Set.of() : kinds;
        PageQuery query = page.bind(FEED, user, PageFilters.builder().with("kind", kindFilter.toArray(String[]::new)).build());
        List<ProbeRow> fetched = query.isOffsetPage()
                ? rows.pageAtOffset(user, kindFilter, query.offset(), query.fetchSize())
                : rows.pageAfter(user, kindFilter, query.after(), query.fetchSize());
        return PageResponses.ok(query.toPage(fetched, ProbeRow::position), request);
    }
}
