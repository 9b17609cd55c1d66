package dev.bodega.purchasing.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems of purchasing: orders, their lines and states, and deliveries. */
enum PurchasingProblem implements ProblemType {

    UNKNOWN_SUPPLIER("unknown-supplier", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_SUPPLIER("inactive-supplier", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_LOCATION("unknown-location", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_LOCATION("inactive-location", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_ITEM("unknown-item", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_ITEM("inactive-item", HttpStatus.UNPROCESSABLE_CONTENT),
    QUANTITY_DECIMALS("quantity-decimals", HttpStatus.UNPROCESSABLE_CONTENT),
    DUPLICATE_ITEM("duplicate-item", HttpStatus.UNPROCESSABLE_CONTENT),
    EXPECTED_BEFORE_ORDER("expected-before-order", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_STATUS("unknown-status", HttpStatus.UNPROCESSABLE_CONTENT),
    ORDER_NOT_DRAFT("order-not-draft", HttpStatus.CONFLICT),
    ORDER_NOT_CANCELLABLE("order-not-cancellable", HttpStatus.CONFLICT),
    ORDER_NOT_RECEIVABLE("order-not-receivable", HttpStatus.CONFLICT),
    UNKNOWN_LINE("unknown-line", HttpStatus.UNPROCESSABLE_CONTENT),
    DUPLICATE_LINE("duplicate-line", HttpStatus.UNPROCESSABLE_CONTENT),
    EMPTY_RECEIPT("empty-receipt", HttpStatus.UNPROCESSABLE_CONTENT),
    OVER_RECEIPT("over-receipt", HttpStatus.CONFLICT);

    private final String slug;
    private final HttpStatus status;

    PurchasingProblem(String slug, HttpStatus status) {
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
