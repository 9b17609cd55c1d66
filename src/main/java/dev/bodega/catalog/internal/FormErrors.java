package dev.bodega.catalog.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.validation.BindingResult;

/** Puts the API's validation results on a page's form, so pages and API share one set of rules. */
public final class FormErrors {

    /** The catalog pages' own words for a problem are {@code catalog.problem.<slug>}. */
    public static final String AREA = "catalog";

    private FormErrors() {
    }

    /** Bean Validation of the request the form becomes; each violation goes to its field (if it was bound). */
    public static <T> void validate(Validator validator, T request, BindingResult errors) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            if (!errors.hasFieldErrors(field)) {
                // No message code of ours: Spring falls back to the already translated message.
                errors.rejectValue(field, "catalog.form.invalid", violation.getMessage());
            }
        }
    }

    public static void reject(InvalidFields invalid, BindingResult errors) {
        for (Violation violation : invalid.violations()) {
            errors.rejectValue(violation.field(), violation.key(), violation.args(), violation.key());
        }
    }
}
