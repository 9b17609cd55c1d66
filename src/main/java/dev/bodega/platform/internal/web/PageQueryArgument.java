package dev.bodega.platform.internal.web;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.PageQuery;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Reads {@link PageQuery} from the {@code limit} and {@code cursor} query parameters, converting and failing
 * exactly as {@code @RequestParam(required = false) Integer limit} and {@code C cursor} would.
 */
class PageQueryArgument implements HandlerMethodArgumentResolver {

    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery<?> resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                        NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
        Integer limit = (Integer) convert(parameter, request, binders, LIMIT, Integer.class);
        Object cursor = convert(parameter, request, binders, CURSOR, cursorType(parameter));
        return new PageQuery<>(limit == null ? CursorPage.DEFAULT_LIMIT
                : Math.max(1, Math.min(CursorPage.MAX_LIMIT, limit)), cursor);
    }

    static Class<?> cursorType(MethodParameter parameter) {
        return ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve(String.class);
    }

    private static Object convert(MethodParameter parameter, NativeWebRequest request, WebDataBinderFactory binders,
                                  String name, Class<?> type) throws Exception {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        Object value = values.length == 1 ? values[0] : values;
        try {
            return binders.createBinder(request, null, name).convertIfNecessary(value, type);
        } catch (ConversionNotSupportedException e) {
            throw new MethodArgumentConversionNotSupportedException(value, e.getRequiredType(), name, parameter,
                    e.getCause());
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(value, e.getRequiredType(), name, parameter, e.getCause());
        }
    }
}
