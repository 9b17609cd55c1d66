package dev.bodega.platform.internal.web;

import dev.bodega.platform.IfMatch;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.Versioned;
import io.swagger.v3.core.util.PrimitiveType;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.Type;

/**
 * The OpenAPI document shows the platform's argument and result types as what travels: {@link Versioned} as its
 * body, {@link PageQuery} as the {@code cursor} and {@code limit} query parameters, {@link IfMatch} as the
 * {@code If-Match} header (each after the operation's other parameters, where the methods declare them).
 */
@Component
class ApiDocsConventions implements OperationCustomizer {

    static {
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(Versioned.class)
                .addRequestWrapperToIgnore(PageQuery.class, IfMatch.class);
    }

    private final boolean openapi31;

    ApiDocsConventions(SpringDocConfigProperties properties) {
        this.openapi31 = properties.isOpenapi31();
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            if (parameter.getParameterType() == PageQuery.class) {
                operation.addParametersItem(optional(new QueryParameter(), PageQueryArgument.CURSOR,
                        PageQueryArgument.cursorType(parameter)));
                operation.addParametersItem(optional(new QueryParameter(), PageQueryArgument.LIMIT, Integer.class));
            } else if (parameter.getParameterType() == IfMatch.class) {
                operation.addParametersItem(optional(new HeaderParameter(), HttpHeaders.IF_MATCH, String.class));
            }
        }
        return operation;
    }

    private Parameter optional(Parameter parameter, String name, Type type) {
        return parameter.name(name).required(false).schema(PrimitiveType.createProperty(type, openapi31));
    }
}
