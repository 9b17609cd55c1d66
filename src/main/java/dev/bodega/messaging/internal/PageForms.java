package dev.bodega.messaging.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The API's Bean Validation rules for a page's form: each field's first message, already in the user's language. */
public final class PageForms {

    private PageForms() {
    }

    public static <T> Map<String, String> violations(Validator validator, T request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().iterator().next().getName(), violation.getMessage());
        }
        return errors;
    }
}
