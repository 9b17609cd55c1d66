package dev.bodega.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Customers and sales written by another module (the demo company's history), through the services behind the
 * till: invoice numbers, stock issues, customer totals and events are the ones a till makes, as the current user.
 * {@code at} dates a sale, cancellation or return in the past, for data that describes the past; null is now.
 */
public interface SalesDesk {

    record NewCustomer(String documentType, String documentNumber, String firstName, String lastName, String email,
                       String phone, String address, String city, String country, String notes) {
    }

    /** {@code discountPercent} may be null. */
    record Line(UUID itemId, BigDecimal quantity, BigDecimal discountPercent) {
    }

    /** {@code method}: cash, card, transfer or other; cash may be more than is due (the change is given back). */
    record Payment(String method, BigDecimal amount, String reference) {
    }

    record SoldLine(UUID id, BigDecimal quantity) {
    }

    record Sold(UUID saleId, String paymentMethod, List<SoldLine> lines) {
    }

    /** Damaged goods are refunded but not restocked. */
    record ReturnLine(UUID saleLineId, BigDecimal quantity, boolean damaged) {
    }

    UUID createCustomer(NewCustomer customer);

    /** What the sale would cost now, without saving anything. */
    BigDecimal total(UUID locationId, UUID customerId, List<Line> lines);

    /** A sale completed and paid at {@code at}, numbered and issued from stock at the location. */
    Sold sell(UUID locationId, UUID customerId, List<Line> lines, List<Payment> payments, Instant at);

    void cancel(UUID saleId, String reason, Instant at);

    /** Goods of a completed sale brought back, refunded by {@code refundMethod}. */
    UUID returnGoods(UUID saleId, String reason, String refundMethod, List<ReturnLine> lines, Instant at);
}
