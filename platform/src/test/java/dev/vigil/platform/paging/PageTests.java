package dev.vigil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTests {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void keysetPageJsonHasItemsNextCursorAndHasMoreOnly() throws Exception {
        assertThat(json.writeValueAsString(Page.keyset(List.of("a"), "CURSOR")))
                .isEqualTo("{\"items\":[\"a\"],\"nextCursor\":\"CURSOR\",\"hasMore\":true}");
        assertThat(json.writeValueAsString(Page.keyset(List.of(), null)))
                .isEqualTo("{\"items\":[],\"nextCursor\":null,\"hasMore\":false}");
    }

    @Test
    void offsetPageJsonAlsoSaysWhereItStarts() throws Exception {
        assertThat(json.writeValueAsString(Page.atOffset(List.of("a"), null, 20, 10)))
                .isEqualTo("{\"items\":[\"a\"],\"nextCursor\":null,\"hasMore\":false,\"offset\":20,\"limit\":10}");
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        Page<?> page = Page.atOffset(List.of("a", "b"), "CURSOR", 20, 2);
        assertThat(json.readValue(json.writeValueAsString(page), Page.class)).isEqualTo(page);
    }

    @Test
    void hasMoreExactlyWhenThereIsANextCursor() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Page<>(List.of(), "CURSOR", false, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Page<>(List.of(), null, true, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Page<>(List.of(), null, false, 10, null));
    }
}
