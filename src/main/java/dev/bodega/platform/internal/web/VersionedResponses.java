package dev.bodega.platform.internal.web;

import dev.bodega.platform.Versioned;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Versioned} result (alone or in a {@code ResponseEntity}) as a {@code ResponseEntity} of its
 * body with {@code ETag: "<version>"}, handled by Spring's own processor, so conditional GETs
 * ({@code If-None-Match} → 304) work as for any response with an ETag. It goes first: the {@code @ResponseBody}
 * processor would otherwise take every value of a {@code @RestController}.
 */
@Component
class VersionedResponses implements HandlerMethodReturnValueHandler, SmartInitializingSingleton {

    private final RequestMappingHandlerAdapter adapter;
    private HandlerMethodReturnValueHandler entities;

    VersionedResponses(RequestMappingHandlerAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>(adapter.getReturnValueHandlers());
        entities = handlers.stream().filter(ResponseEntityReturnValueHandler.class::isInstance).findFirst()
                .orElseThrow();
        handlers.add(0, this);
        adapter.setReturnValueHandlers(handlers);
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        return Versioned.class.isAssignableFrom(type) || (ResponseEntity.class.isAssignableFrom(type)
                && Versioned.class.equals(ResolvableType.forMethodParameter(returnType).getGeneric(0).resolve()));
    }

    @Override
    public void handleReturnValue(Object value, MethodParameter returnType, ModelAndViewContainer container,
                                  NativeWebRequest request) throws Exception {
        entities.handleReturnValue(entity(value), returnType, container, request);
    }

    private static ResponseEntity<?> entity(Object value) {
        if (value instanceof Versioned<?> versioned) {
            return ResponseEntity.ok().eTag(etag(versioned)).body(versioned.body());
        }
        if (value instanceof ResponseEntity<?> entity && entity.getBody() instanceof Versioned<?> versioned) {
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders()).eTag(etag(versioned))
                    .body(versioned.body());
        }
        return (ResponseEntity<?>) value;
    }

    private static String etag(Versioned<?> versioned) {
        return "\"" + versioned.version() + "\"";
    }
}
