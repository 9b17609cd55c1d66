package dev.bodega.catalog.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The catalog's problems: taken names and codes, the category tree, the plan's limit, busy imports. */
public enum CatalogProblem implements ProblemType {

    MAX_ITEMS("max-items", HttpStatus.CONFLICT),
    SKU_TAKEN("sku-taken", HttpStatus.CONFLICT),
    BARCODE_TAKEN("barcode-taken", HttpStatus.CONFLICT),
    SUPPLIER_NAME_TAKEN("supplier-name-taken", HttpStatus.CONFLICT),
    ORGANIZATION_HAS_SUPPLIER("organization-has-supplier", HttpStatus.CONFLICT),
    NOT_A_SUPPLIER_ORGANIZATION("not-a-supplier-organization", HttpStatus.UNPROCESSABLE_CONTENT),
    CATEGORY_CYCLE("category-cycle", HttpStatus.CONFLICT),
    CATEGORY_NAME_TAKEN("category-name-taken", HttpStatus.CONFLICT),
    UNKNOWN_CATEGORY("unknown-category", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_CATEGORY("inactive-category", HttpStatus.UNPROCESSABLE_CONTENT),
    IMPORT_BUSY("import-busy", HttpStatus.SERVICE_UNAVAILABLE),
    VEHICLE_MODEL_NAME_TAKEN("vehicle-model-name-taken", HttpStatus.CONFLICT),
    VEHICLE_MODEL_IN_USE("vehicle-model-in-use", HttpStatus.CONFLICT);

    private final String slug;
    private final HttpStatus status;

    CatalogProblem(String slug, HttpStatus status) {
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
