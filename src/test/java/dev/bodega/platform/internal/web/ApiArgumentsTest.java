package dev.bodega.platform.internal.web;

import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How PageQuery and IfMatch are read from a request, as the @RequestParam and @RequestHeader they replace. */
class ApiArgumentsTest {

    @SuppressWarnings("unused")
    void handler(PageQuery<UUID> byId, PageQuery<String> byText, IfMatch ifMatch) {
    }

    @Test
    void theLimitDefaultsTo50AndStaysWithin1And200() throws Exception {
        assertThat(page(Map.of()).limit()).isEqualTo(50);
        assertThat(page(Map.of("limit", "7")).limit()).isEqualTo(7);
        assertThat(page(Map.of("limit", "0")).limit()).isEqualTo(1);
        assertThat(page(Map.of("limit", "-4")).limit()).isEqualTo(1);
        assertThat(page(Map.of("limit", "999")).limit()).isEqualTo(200);
        assertThat(page(Map.of("limit", "")).limit()).isEqualTo(50);
    }

    @Test
    void aMalformedLimitOrCursorFailsAsATypeMismatchNamingTheParameter() {
        assertThatThrownBy(() -> page(Map.of("limit", "abc")))
                .isInstanceOfSatisfying(MethodArgumentTypeMismatchException.class, e -> {
                    assertThat(e.getName()).isEqualTo("limit");
                    assertThat(e.getRequiredType()).isEqualTo(Integer.class);
                });
        assertThatThrownBy(() -> page(Map.of("cursor", "not-a-uuid")))
                .isInstanceOfSatisfying(MethodArgumentTypeMismatchException.class, e -> {
                    assertThat(e.getName()).isEqualTo("cursor");
                    assertThat(e.getRequiredType()).isEqualTo(UUID.class);
                });
    }

    @Test
    void theCursorIsConvertedToTheDeclaredType() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(page(Map.of("cursor", id.toString())).cursor()).isEqualTo(id);
        assertThat(page(Map.of()).cursor()).isNull();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setParameter("cursor", "2024-01-01_abc");
        assertThat(new PageQueryArgument().resolveArgument(parameter(1), null, new ServletWebRequest(request), binders())
                .cursor()).isEqualTo("2024-01-01_abc");
    }

    @Test
    void ifMatchReadsQuotedWeakAndBareVersions() {
        assertThat(ifMatch(null)).isNull();
        assertThat(ifMatch(" ")).isNull();
        assertThat(ifMatch("\"3\"")).isEqualTo(3L);
        assertThat(ifMatch("W/\"3\"")).isEqualTo(3L);
        assertThat(ifMatch("3")).isEqualTo(3L);
        // Names no version we issue, so it can only be stale.
        assertThat(ifMatch("\"abc\"")).isEqualTo(-1L);
    }

    @Test
    void aMissingIfMatchIsRequiredWithA428() {
        assertThat(new IfMatch(4L).required()).isEqualTo(4L);
        assertThatThrownBy(() -> new IfMatch(null).required())
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(428);
                    assertThat(e.getBody().getType().toString()).endsWith("/if-match-required");
                });
    }

    private static Long ifMatch(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (header != null) {
            request.addHeader("If-Match", header);
        }
        return new IfMatchArgument().resolveArgument(parameter(2), null, new ServletWebRequest(request), null).version();
    }

    @SuppressWarnings("unchecked")
    private static PageQuery<UUID> page(Map<String, String> parameters) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        parameters.forEach(request::setParameter);
        return (PageQuery<UUID>) new PageQueryArgument().resolveArgument(parameter(0), null,
                new ServletWebRequest(request), binders());
    }

    private static DefaultDataBinderFactory binders() {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(new DefaultFormattingConversionService());
        return new DefaultDataBinderFactory(initializer);
    }

    private static MethodParameter parameter(int index) {
        try {
            return new MethodParameter(ApiArgumentsTest.class.getDeclaredMethod("handler", PageQuery.class,
                    PageQuery.class, IfMatch.class), index);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
