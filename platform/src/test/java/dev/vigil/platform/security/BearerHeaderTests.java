package dev.vigil.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderTests {

    private static final List<String> HEADERS = List.of("Bearer abc.DEF-ghi_jkl~mno+pqr/stu", "bearer abc", "BEARER abc==",
            "Bearer abc=", "Bearer ab=c", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer ab c", "Bearer a%b",
            "Basic dXNlcjpwYXNz", "Bearerabc", "bearer\tabc", "Bearer é", "Token abc", "", "Bearer ==", "bEaReR x.y.z");

    @Test
    void readsEveryHeaderAsSpringSecuritysResolverDoes() {
        BearerTokenResolver spring = new DefaultBearerTokenResolver();
        BearerTokenResolver ours = new BearerHeader();
        for (String header : HEADERS) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/dashboard");
            request.addHeader("Authorization", header);
            assertThat(outcome(ours, request)).as(header).isEqualTo(outcome(spring, request));
        }
    }

    @Test
    void noHeaderIsNoToken() {
        assertThat(new BearerHeader().resolve(new MockHttpServletRequest("GET", "/api/v1/dashboard"))).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/dashboard");
        request.addHeader("Authorization", "Bearer not a token");
        assertThatThrownBy(() -> new BearerHeader().resolve(request)).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("Bearer token is malformed");
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
