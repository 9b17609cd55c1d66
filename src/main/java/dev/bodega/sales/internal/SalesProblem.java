package dev.bodega.sales.internal;

import dev.bodega.platform.ProblemType;
import org.springframework.http.HttpStatus;

/** The problems of sales: customers, lines, payments, cancellations, returns, invoice series, reports and cash sessions. */
public enum SalesProblem implements ProblemType {

    UNKNOWN_CUSTOMER("unknown-customer", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_CUSTOMER("inactive-customer", HttpStatus.UNPROCESSABLE_CONTENT),
    DOCUMENT_TAKEN("document-taken", HttpStatus.CONFLICT),
    ORGANIZATION_HAS_CUSTOMER("organization-has-customer", HttpStatus.CONFLICT),
    NOT_A_CUSTOMER_ORGANIZATION("not-a-customer-organization", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_LOCATION("unknown-location", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_LOCATION("inactive-location", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_ITEM("unknown-item", HttpStatus.UNPROCESSABLE_CONTENT),
    INACTIVE_ITEM("inactive-item", HttpStatus.UNPROCESSABLE_CONTENT),
    QUANTITY_DECIMALS("quantity-decimals", HttpStatus.UNPROCESSABLE_CONTENT),
    DISCOUNT_DECIMALS("discount-decimals", HttpStatus.UNPROCESSABLE_CONTENT),
    DISCOUNT_EXCEEDS_TOTAL("discount-exceeds-total", HttpStatus.UNPROCESSABLE_CONTENT),
    PAYMENT_METHOD("payment-method", HttpStatus.UNPROCESSABLE_CONTENT),
    PAYMENT_AMOUNT("payment-amount", HttpStatus.UNPROCESSABLE_CONTENT),
    PAYMENT_EXCEEDS_TOTAL("payment-exceeds-total", HttpStatus.UNPROCESSABLE_CONTENT),
    PAYMENT_NOT_NEEDED("payment-not-needed", HttpStatus.UNPROCESSABLE_CONTENT),
    PAYMENT_SHORT("payment-short", HttpStatus.UNPROCESSABLE_CONTENT),
    PAYMENTS_WITHOUT_COMPLETION("payments-without-completion", HttpStatus.UNPROCESSABLE_CONTENT),
    SALE_NOT_PENDING("sale-not-pending", HttpStatus.CONFLICT),
    SALE_ALREADY_CANCELLED("sale-already-cancelled", HttpStatus.CONFLICT),
    SALE_HAS_RETURNS("sale-has-returns", HttpStatus.CONFLICT),
    SALE_NOT_INVOICED("sale-not-invoiced", HttpStatus.CONFLICT),
    SALE_NOT_COMPLETED("sale-not-completed", HttpStatus.CONFLICT),
    UNKNOWN_SALE_LINE("unknown-sale-line", HttpStatus.UNPROCESSABLE_CONTENT),
    RETURN_EXCEEDS_SOLD("return-exceeds-sold", HttpStatus.CONFLICT),
    REFUND_DECIMALS("refund-decimals", HttpStatus.UNPROCESSABLE_CONTENT),
    REFUND_EXCEEDS_VALUE("refund-exceeds-value", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_SERIES("unknown-series", HttpStatus.UNPROCESSABLE_CONTENT),
    SERIES_NOT_USABLE("series-not-usable", HttpStatus.UNPROCESSABLE_CONTENT),
    SERIES_INACTIVE("series-inactive", HttpStatus.CONFLICT),
    SERIES_CODE_TAKEN("series-code-taken", HttpStatus.CONFLICT),
    INVALID_PERIOD("invalid-period", HttpStatus.UNPROCESSABLE_CONTENT),
    UNKNOWN_VEHICLE_MODEL("unknown-vehicle-model", HttpStatus.UNPROCESSABLE_CONTENT),
    VEHICLE_ORDER_NUMBER_TAKEN("vehicle-order-number-taken", HttpStatus.CONFLICT),
    /** A level skipped or gone back, or a delivered or cancelled order moved. */
    VEHICLE_ORDER_TRANSITION("vehicle-order-transition", HttpStatus.CONFLICT),
    /** A customer order moved where its state does not lead, or a transition lost a race. */
    ORDER_TRANSITION("order-transition", HttpStatus.CONFLICT),
    ORDER_NOT_DRAFT("order-not-draft", HttpStatus.CONFLICT),
    ORDER_EMPTY("order-empty", HttpStatus.UNPROCESSABLE_CONTENT),
    ORDER_ORGANIZATION("order-organization", HttpStatus.UNPROCESSABLE_CONTENT),
    ORDER_DESTINATION("order-destination", HttpStatus.UNPROCESSABLE_CONTENT),
    /** The portal's orders are placed by a partner organization's users, not the company's staff. */
    PARTNER_ONLY("partner-only", HttpStatus.FORBIDDEN),
    SHIPMENT_LOCATION("shipment-location", HttpStatus.UNPROCESSABLE_CONTENT),
    SHIPMENT_EMPTY("shipment-empty", HttpStatus.UNPROCESSABLE_CONTENT),
    SHIPMENT_EXCEEDS_ORDER("shipment-exceeds-order", HttpStatus.CONFLICT),
    VOID_ALREADY_REQUESTED("void-already-requested", HttpStatus.CONFLICT),
    VOID_REQUEST_DECIDED("void-request-decided", HttpStatus.CONFLICT),
    CASH_SESSION_ALREADY_OPEN("cash-session-already-open", HttpStatus.CONFLICT),
    CASH_SESSION_CLOSED("cash-session-closed", HttpStatus.CONFLICT),
    CASH_LOCATION_NOT_ALLOWED("cash-location-not-allowed", HttpStatus.FORBIDDEN),
    CASH_AMOUNT("cash-amount", HttpStatus.UNPROCESSABLE_CONTENT),
    CASH_OUT_EXCEEDS_DRAWER("cash-out-exceeds-drawer", HttpStatus.UNPROCESSABLE_CONTENT),
    CASH_COUNT("cash-count", HttpStatus.UNPROCESSABLE_CONTENT),
    LOCATION_NOT_ALLOWED("location-not-allowed", HttpStatus.FORBIDDEN),
    SALE_NOT_SAVED("sale-not-saved", HttpStatus.SERVICE_UNAVAILABLE);

    private final String slug;
    private final HttpStatus status;

    SalesProblem(String slug, HttpStatus status) {
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
