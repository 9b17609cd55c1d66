package dev.bodega.sales.internal.selling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the sales API and pages show of a sale. */
public final class SaleViews {

    private SaleViews() {
    }

    public record LineView(UUID id, int position, UUID itemId, String sku, String name, BigDecimal quantity,
                    BigDecimal unitPrice, BigDecimal subtotal, BigDecimal discountPercent, BigDecimal discount,
                    BigDecimal saleDiscount, BigDecimal taxRate, BigDecimal tax, BigDecimal total,
                    BigDecimal returnedQuantity, BigDecimal returnedAmount) {

        public BigDecimal returnable() {
            return quantity.subtract(returnedQuantity);
        }
    }

    public record PaymentView(String method, BigDecimal amount, BigDecimal tendered, BigDecimal change, String reference) {
    }

    public record SaleView(UUID id, String status, String invoice, UUID seriesId, Long invoiceNumber, UUID locationId,
                    String locationName, UUID customerId, String customerName, UUID sellerId, String sellerName,
                    String currency, boolean pricesIncludeTax, BigDecimal subtotal, BigDecimal discount,
                    BigDecimal saleDiscount, BigDecimal tax, BigDecimal total, BigDecimal tendered, BigDecimal change,
                    BigDecimal refunded, String paymentMethod, String notes, Instant saleDate, Instant createdAt,
                    Instant completedAt, Instant cancelledAt, UUID cancelledBy, String cancelledByName,
                    String cancellationReason, long version, List<LineView> lines, List<PaymentView> payments) {
    }

    record SaleSummary(UUID id, String status, String invoice, UUID locationId, String locationName, UUID customerId,
                       String customerName, UUID sellerId, String sellerName, String currency, BigDecimal total,
                       BigDecimal refunded, String paymentMethod, Instant saleDate) {
    }

    /** A priced cart that was not saved: what the till shows while the cashier scans. */
    record Quote(String currency, boolean pricesIncludeTax, BigDecimal subtotal, BigDecimal discount,
                 BigDecimal saleDiscount, BigDecimal tax, BigDecimal total, List<LineView> lines) {
    }

    /** An item as the till finds it, with its stock at the till's store (null: never stocked there). */
    record ItemMatch(UUID id, String sku, String barcode, String name, BigDecimal salePrice, int decimals,
                     BigDecimal onHand, String imageUrl) {
    }
}
