package dev.bodega.messaging.internal.assistants;

import dev.bodega.inventory.TransferRequests;
import dev.bodega.messaging.internal.InboxSettings;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.CustomerOrderLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What an assistant may know of the shop, read through the views catalog, inventory and sales publish and through
 * their APIs (customer orders, transfer requests). Every question opens its own read-only transaction as the given
 * company (row-level security, staff scope), whatever scope the caller's thread had: the company comes from the
 * conversation, never from what a message or a model says.
 */
@Component
class ShopQueries {

    /** An item for sale. */
    record Item(UUID id, String sku, String barcode, String name, BigDecimal price) {
    }

    /** Stock of an item at one of the shop's locations. */
    record StockAt(String store, BigDecimal onHand) {
    }

    record Store(String name, String kind, String address, String phone) {
    }

    /**
     * One of the contact's orders: a sale (by its invoice number), a customer order of its partner organization
     * (PED-000123) or a transfer request bound for that organization's warehouses (SOL-12); {@code status} as the
     * order's kind stores it.
     */
    record Order(Kind kind, String number, String status, BigDecimal total, String currency, Instant date) {
    }

    enum Kind { SALE, CUSTOMER_ORDER, TRANSFER }

    private static final int ORDERS = 5;

    private static final String FOLD = "translate(lower(%s), 'áàâäéèêëíìîïóòôöúùûüñç', 'aaaaeeeeiiiioooouuuunc')";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final InboxSettings inboxSettings;
    private final CustomerOrderLookup customerOrders;
    private final TransferRequests transfers;

    ShopQueries(JdbcClient jdbc, TransactionTemplate transactions, InboxSettings inboxSettings,
                CustomerOrderLookup customerOrders, TransferRequests transfers) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.inboxSettings = inboxSettings;
        this.customerOrders = customerOrders;
        this.transfers = transfers;
    }

    /** Active items whose SKU or barcode is the text, or whose name holds each of its words (accents forgiven). */
    List<Item> search(UUID tenantId, String text, int limit) {
        List<String> words = Arrays.stream(fold(text).split("[^\\p{L}\\p{N}-]+"))
                .filter(w -> w.length() >= 2).map(ShopQueries::stem).limit(5).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder byName = new StringBuilder("true");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            byName.append(" AND ").append(FOLD.formatted("name")).append(" LIKE :w").append(i);
            params.put("w" + i, "%" + words.get(i) + "%");
        }
        return as(tenantId, () -> jdbc.sql("""
                        SELECT id, sku, barcode, name, sale_price AS price FROM catalog_items
                        WHERE tenant_id = :tenant AND active AND deleted_at IS NULL
                          AND (upper(sku) = upper(:text) OR barcode = :text OR (%s))
                        ORDER BY upper(sku) = upper(:text) DESC, length(name), name LIMIT :limit""".formatted(byName))
                .param("tenant", tenantId).param("text", text.strip()).param("limit", limit).params(params)
                .query(Item.class).list());
    }

    /** Stock on hand at the shop's own locations (not partners' warehouses, not in transit), most first. */
    List<StockAt> stock(UUID tenantId, UUID itemId) {
        return as(tenantId, () -> jdbc.sql("""
                        SELECT l.name AS store, s.on_hand FROM inventory_stock_levels s
                        JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
                        WHERE s.tenant_id = :tenant AND s.item_id = :item AND l.active AND l.organization_id IS NULL
                          AND l.kind <> 'transit'
                        ORDER BY s.on_hand DESC, l.name""")
                .param("tenant", tenantId).param("item", itemId).query(StockAt.class).list());
    }

    List<Store> stores(UUID tenantId) {
        return as(tenantId, () -> jdbc.sql("""
                        SELECT name, kind, address, phone FROM inventory_locations
                        WHERE tenant_id = :tenant AND active AND organization_id IS NULL AND kind <> 'transit'
                        ORDER BY name""")
                .param("tenant", tenantId).query(Store.class).list());
    }

    /** The shop's opening hours: day → [["09:00", "18:00"]]; empty when none are set. */
    Map<String, List<List<String>>> hours(UUID tenantId) {
        return as(tenantId, () -> inboxSettings.current().businessHours());
    }

    /**
     * The latest orders of the contact's customer, newest first: its sales and, when the customer stands for a partner
     * organization, that organization's customer orders and the transfer requests bound for it. Only those numbered
     * {@code number} (of {@code kind}; null for any) when it is not null; nothing for a contact linked to no customer.
     */
    List<Order> orders(UUID tenantId, UUID customerId, Kind kind, Long number) {
        if (customerId == null) {
            return List.of();
        }
        Predicate<Kind> asked = k -> kind == null || kind == k;
        return as(tenantId, () -> {
            List<Order> orders = new ArrayList<>(asked.test(Kind.SALE) ? sales(tenantId, customerId, number) : List.of());
            customerOrders.organizationOf(customerId).ifPresent(organization -> {
                if (asked.test(Kind.CUSTOMER_ORDER)) {
                    customerOrders.ordersOf(organization, number, ORDERS).forEach(o -> orders.add(new Order(
                            Kind.CUSTOMER_ORDER, o.code(), o.status(), null, null, o.orderDate())));
                }
                if (asked.test(Kind.TRANSFER)) {
                    transfers.toOrganization(organization, number, ORDERS).forEach(r -> orders.add(new Order(
                            Kind.TRANSFER, r.code(), r.status(), null, null, r.requestedAt())));
                }
            });
            return orders.stream().sorted(Comparator.comparing(Order::date).reversed()).limit(ORDERS).toList();
        });
    }

    private List<Order> sales(UUID tenantId, UUID customerId, Long number) {
        return jdbc.sql("""
                        SELECT 'SALE' AS kind, invoice_number::text AS number, status, total, currency, sale_date AS date
                        FROM sales_customer_sales WHERE tenant_id = :tenant AND customer_id = :customer
                          AND (CAST(:number AS bigint) IS NULL OR invoice_number = :number)
                        ORDER BY sale_date DESC LIMIT :limit""")
                .param("tenant", tenantId).param("customer", customerId).param("number", number)
                .param("limit", ORDERS).query(Order.class).list();
    }

    private <T> T as(UUID tenantId, Supplier<T> query) {
        return TenantContext.callAs(TenantContext.Scope.system(tenantId), () -> {
            TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
            readOnly.setReadOnly(true);
            readOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
            return readOnly.execute(s -> query.get());
        });
    }

    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[áàâä]", "a").replaceAll("[éèêë]", "e").replaceAll("[íìîï]", "i")
                .replaceAll("[óòôö]", "o").replaceAll("[úùûü]", "u").replace('ñ', 'n').replace('ç', 'c');
    }

    /** Plurals off ("taladros" finds "Taladro"), in Spanish and English alike. */
    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("es") && !word.endsWith("ees")) {
            return word.substring(0, word.length() - 2);
        }
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
