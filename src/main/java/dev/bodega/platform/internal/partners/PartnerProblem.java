package dev.bodega.platform.internal.partners;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** Refusals of the partner organizations (seed 004 organizations). */
enum PartnerProblem implements ProblemType {

    NAME_TAKEN("organization-name-taken", HttpStatus.CONFLICT),
    MANUFACTURER_EXISTS("manufacturer-exists", HttpStatus.CONFLICT),
    SUPPLIER_NEEDS_PARENT("supplier-needs-parent", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_PARENT("unknown-parent-organization", HttpStatus.UNPROCESSABLE_CONTENT),
    PARENT_CYCLE("organization-parent-cycle", HttpStatus.UNPROCESSABLE_CONTENT),
    MAX_CUSTOMERS("max-customer-organizations", HttpStatus.CONFLICT),
    IN_USE("organization-in-use", HttpStatus.CONFLICT);

    private final String slug;
    private final HttpStatus status;

    PartnerProblem(String slug, HttpStatus status) {
        this.slug = slug;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
