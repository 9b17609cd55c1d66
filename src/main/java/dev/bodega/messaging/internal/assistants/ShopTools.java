package dev.bodega.messaging.internal.assistants;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tools a model may call, made for one turn of one conversation: the company and the contact's customer are
 * fixed here from the conversation, so no argument a model passes can reach another company or another contact's
 * orders. Each call reads through {@link ShopQueries} as that company.
 */
class ShopTools {

    /** An item as a tool answers it, with its stock at the shop's stores. */
    record ItemAnswer(String sku, String barcode, String name, String price, List<ShopQueries.StockAt> stock) {
    }

    private static final int ITEMS = 5;

    private final ShopQueries shop;
    private final UUID tenantId;
    private final UUID customerId;
    private final String currency;

    ShopTools(ShopQueries shop, UUID tenantId, UUID customerId, String currency) {
        this.shop = shop;
        this.tenantId = tenantId;
        this.customerId = customerId;
        this.currency = currency;
    }

    @Tool(description = "Search the shop's catalog by product name, SKU (reference) or barcode. Returns matching items "
            + "with their price and the stock on hand at each of the shop's stores.")
    public List<ItemAnswer> searchCatalog(@ToolParam(description = "words of the product's name, or a SKU, or a barcode")
                                          String query) {
        return shop.search(tenantId, query == null ? "" : query, ITEMS).stream()
                .map(i -> new ItemAnswer(i.sku(), i.barcode(), i.name(),
                        i.price() == null ? null : i.price().toPlainString() + " " + currency,
                        shop.stock(tenantId, i.id()).stream().filter(s -> s.onHand().signum() > 0).toList()))
                .toList();
    }

    @Tool(description = "Stock on hand of one item at the shop's stores; optionally only at the store named.")
    public List<ShopQueries.StockAt> stockAtStore(@ToolParam(description = "the item's SKU, barcode or name") String item,
                                                  @ToolParam(description = "a store's name, or empty for all stores",
                                                          required = false) String store) {
        return shop.search(tenantId, item == null ? "" : item, 1).stream()
                .flatMap(i -> shop.stock(tenantId, i.id()).stream())
                .filter(s -> store == null || store.isBlank()
                        || ShopQueries.fold(s.store()).contains(ShopQueries.fold(store.strip())))
                .toList();
    }

    @Tool(description = "The status of the orders of the customer writing in this conversation, latest first: its "
            + "purchases (SALE, by invoice number), its organization's orders (CUSTOMER_ORDER, PED-000123) and the "
            + "transfers bound for its organization (TRANSFER, SOL-12). Empty when the contact is not linked to a "
            + "customer, or when none of its orders has the number asked for.")
    public List<ShopQueries.Order> myOrders(@ToolParam(description = "an order's number as the customer wrote it "
            + "(PED-000123, SOL-12, 123), or empty for the latest orders", required = false) String number) {
        Optional<Phrases.Reference> named = number == null ? Optional.empty() : Phrases.reference(number);
        return shop.orders(tenantId, customerId, named.map(Phrases.Reference::kind).orElse(null),
                named.map(Phrases.Reference::number).orElse(null));
    }

    @Tool(description = "The shop's stores with address and phone, and its opening hours per weekday.")
    public Map<String, Object> storesAndHours() {
        return Map.of("stores", shop.stores(tenantId), "openingHours", shop.hours(tenantId));
    }
}
