package dev.bodega.inventory.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems of inventory: locations, postings to the stock ledger, adjustments, counts, imports, alerts and transfer
 * requests. */
public enum InventoryProblem implements ProblemType {

    MAX_LOCATIONS("max-locations", HttpStatus.CONFLICT),
    /** The plan's stock movements a year (seed 004: 7,500) are used up. */
    MAX_STOCK_MOVEMENTS("max-stock-movements", HttpStatus.CONFLICT),
    LOCATION_NAME_TAKEN("location-name-taken", HttpStatus.CONFLICT),
    LOCATION_HAS_STOCK("location-has-stock", HttpStatus.CONFLICT),
    LOCATION_NOT_ALLOWED("location-not-allowed", HttpStatus.FORBIDDEN),
    UNKNOWN_USER("unknown-user", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_ORGANIZATION("unknown-organization", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_LOCATION("unknown-location", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_LOCATION("inactive-location", HttpStatus.UNPROCESSABLE_CONTENT),
    SAME_LOCATION("same-location", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_ITEM("unknown-item", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_ITEM("inactive-item", HttpStatus.UNPROCESSABLE_CONTENT),
    EMPTY_POSTING("empty-posting", HttpStatus.UNPROCESSABLE_CONTENT),
    QUANTITY_RANGE("quantity-range", HttpStatus.UNPROCESSABLE_CONTENT),
    QUANTITY_DECIMALS("quantity-decimals", HttpStatus.UNPROCESSABLE_CONTENT),
    NEGATIVE_COST("negative-cost", HttpStatus.UNPROCESSABLE_CONTENT),
    INSUFFICIENT_STOCK("insufficient-stock", HttpStatus.CONFLICT),
    EMPTY_ADJUSTMENT("empty-adjustment", HttpStatus.UNPROCESSABLE_CONTENT),
    ZERO_QUANTITY("zero-quantity", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_REASON("unknown-reason", HttpStatus.UNPROCESSABLE_CONTENT),
    REASON_REQUIRED("reason-required", HttpStatus.UNPROCESSABLE_CONTENT),
    ALREADY_DECIDED("already-decided", HttpStatus.CONFLICT),
    SELF_APPROVAL("self-approval", HttpStatus.CONFLICT),
    COUNT_TRANSITION("count-transition", HttpStatus.CONFLICT),
    COUNT_SCOPE("count-scope", HttpStatus.UNPROCESSABLE_CONTENT),
    COUNT_QUANTITY("count-quantity", HttpStatus.UNPROCESSABLE_CONTENT),
    COUNT_NOTHING_COUNTED("count-nothing-counted", HttpStatus.UNPROCESSABLE_CONTENT),
    COUNT_NOTHING_TO_RECOUNT("count-nothing-to-recount", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_STATUS("unknown-status", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_ALERT_TYPE("unknown-alert-type", HttpStatus.UNPROCESSABLE_CONTENT),
    EMPTY_FILE("empty-file", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_MODE("unknown-mode", HttpStatus.UNPROCESSABLE_CONTENT),
    REQUEST_STATE("request-state", HttpStatus.CONFLICT),
    EMPTY_REQUEST("empty-request", HttpStatus.UNPROCESSABLE_CONTENT),
    PICKING_NOT_RECORDED("picking-not-recorded", HttpStatus.CONFLICT),
    UNKNOWN_REQUEST_LINE("unknown-request-line", HttpStatus.UNPROCESSABLE_CONTENT),
    DISCREPANCY_REASON("discrepancy-reason", HttpStatus.UNPROCESSABLE_CONTENT),
    RULE_VALUE("rule-value", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_MOVEMENT_TYPE("unknown-movement-type", HttpStatus.UNPROCESSABLE_CONTENT);

    private final String slug;
    private final HttpStatus status;

    InventoryProblem(String slug, HttpStatus status) {
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
