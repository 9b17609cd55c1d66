package dev.bodega.platform.internal.web;

import dev.bodega.support.BodegaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Bodega endpoint and page declares who may call it (the interceptor would refuse it otherwise). */
@BodegaTest
class PermissionCoverageTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyHandlerDeclaresAPermission() {
        List<String> undeclared = mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().startsWith("dev.bodega"))
                .filter(e -> PermissionInterceptor.rule(e.getValue().getMethod()) == null
                        && PermissionInterceptor.rule(e.getValue().getBeanType()) == null)
                .map(e -> e.getKey().toString())
                .toList();
        assertThat(undeclared).isEmpty();
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
    }
}
