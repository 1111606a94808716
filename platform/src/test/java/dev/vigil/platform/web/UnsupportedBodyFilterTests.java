package dev.vigil.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UnsupportedBodyFilterTests {

    private final UnsupportedBodyFilter filter = new UnsupportedBodyFilter(new ProblemWriter(new ObjectMapper()));

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
            "multipart/form-data; boundary=x", "multipart/mixed", "MULTIPART/related"})
    void refusesFormAndMultipartBodiesWithoutReadingThem(String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/anything");
        request.setContentType(contentType);
        request.setContent("a=%zz".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":415", "\"field\":\"Content-Type\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/merge-patch+json", "text/plain", "???", ""})
    void passesEveryOtherBodyOn(String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
        if (!contentType.isEmpty()) {
            request.setContentType(contentType);
        }
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).as("passed on").isNotNull();
    }
}
