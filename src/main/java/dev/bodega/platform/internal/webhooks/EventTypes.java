package dev.bodega.platform.internal.webhooks;

import java.util.List;

/**
 * The event types an endpoint may subscribe to: the business events the modules publish today
 * ({@code BusinessEvent.typeOf} of sales' SaleCompleted, SaleCancelled, ReturnCreated and purchasing's
 * PurchaseReceived) and those seed 002 names for inventory and the inbox. An event type is delivered once a module
 * publishes it as a business event.
 */
final class EventTypes {

    static final List<String> ALL = List.of("sale.completed", "sale.cancelled", "return.created", "purchase.received",
            "stock.low", "message.received", "conversation.created", "conversation.resolved");

    private EventTypes() {
    }
}
