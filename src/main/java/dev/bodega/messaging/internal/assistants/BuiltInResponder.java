package dev.bodega.messaging.internal.assistants;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The assistant with no model (provider {@code builtin}): intent rules in Spanish and English ({@link Phrases})
 * answered from the catalog's search, stock at the shop's stores, the contact's orders and the opening hours, in the
 * contact's language. A question it has no rule for goes to a person.
 */
@Component
class BuiltInResponder {

    private static final int ITEMS = 3;

    private final ShopQueries shop;
    private final MessageSource messages;

    BuiltInResponder(ShopQueries shop, MessageSource messages) {
        this.shop = shop;
        this.messages = messages;
    }

    Answer answer(Dialogue d) {
        String text = d.lastFromContact();
        return switch (Phrases.intent(text)) {
            case PERSON -> Answer.handOff(say(d, "assistant.say.handoff"), "asked_for_person");
            case ORDER -> orders(d);
            case HOURS -> Answer.of(stores(d));
            case PRICE, STOCK -> items(d, Phrases.subject(text));
            case GREETING -> Answer.of(say(d, "assistant.say.greeting"));
            case OTHER -> Answer.handOff(say(d, "assistant.say.handoff"), "cannot_help");
        };
    }

    private Answer items(Dialogue d, String subject) {
        if (subject.isBlank()) {
            return Answer.of(say(d, "assistant.say.askWhat"));
        }
        List<ShopQueries.Item> found = shop.search(d.tenantId(), subject, ITEMS);
        if (found.isEmpty()) {
            return Answer.of(say(d, "assistant.say.notFound", subject));
        }
        return Answer.of(found.stream().map(item -> item(d, item)).collect(Collectors.joining("\n")));
    }

    private String item(Dialogue d, ShopQueries.Item item) {
        String line = say(d, "assistant.say.item", item.name(), item.sku(), money(d, item.price()));
        List<ShopQueries.StockAt> stock = shop.stock(d.tenantId(), item.id()).stream()
                .filter(s -> s.onHand().signum() > 0).toList();
        String where = stock.stream().map(s -> say(d, "assistant.say.at", d.formats().qty(s.onHand()), s.store()))
                .collect(Collectors.joining(", "));
        return line + " " + (stock.isEmpty() ? say(d, "assistant.say.outOfStock") : say(d, "assistant.say.inStock", where));
    }

    /**
     * The contact's latest orders, or the one its message names. A number that is not one of its own orders gets
     * nothing of that order, only a request to check it (a person takes over when it has no orders at all).
     */
    private Answer orders(Dialogue d) {
        Optional<Phrases.Reference> named = Phrases.reference(d.lastFromContact());
        List<ShopQueries.Order> orders = shop.orders(d.tenantId(), d.customerId(),
                named.map(Phrases.Reference::kind).orElse(null), named.map(Phrases.Reference::number).orElse(null));
        if (orders.isEmpty() && named.isPresent()
                && !shop.orders(d.tenantId(), d.customerId(), null, null).isEmpty()) {
            return Answer.of(say(d, "assistant.say.notYours", named.get().written()));
        }
        if (orders.isEmpty()) {
            return Answer.handOff(say(d, "assistant.say.noOrders"), "cannot_help");
        }
        String listed = orders.stream().map(o -> order(d, o)).collect(Collectors.joining("; "));
        return Answer.of(say(d, named.isPresent() ? "assistant.say.found" : "assistant.say.orders", listed));
    }

    private String order(Dialogue d, ShopQueries.Order o) {
        return switch (o.kind()) {
            case SALE -> say(d, "assistant.say.order", o.number() == null ? "—" : o.number(), d.formats().date(o.date()),
                    say(d, "assistant.order." + o.status()), money(d, o.total()));
            case CUSTOMER_ORDER -> say(d, "assistant.say.placed", o.number(), d.formats().date(o.date()),
                    say(d, "assistant.customerOrder." + o.status()));
            case TRANSFER -> say(d, "assistant.say.placed", o.number(), d.formats().date(o.date()),
                    say(d, "assistant.transfer." + o.status()));
        };
    }

    private String stores(Dialogue d) {
        String stores = shop.stores(d.tenantId()).stream()
                .map(s -> s.name() + (s.address() == null ? "" : " (" + s.address() + (s.phone() == null ? "" : ", " + s.phone()) + ")"))
                .collect(Collectors.joining("; "));
        Map<String, List<List<String>>> hours = shop.hours(d.tenantId());
        String open = hours.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> say(d, "inbox.day." + e.getKey()) + " " + e.getValue().stream()
                        .map(span -> span.get(0) + "–" + span.get(1)).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return say(d, "assistant.say.stores", stores) + (open.isEmpty() ? "" : " " + say(d, "assistant.say.hours", open));
    }

    private String money(Dialogue d, java.math.BigDecimal amount) {
        return amount == null ? "—" : d.formats().money(amount) + " " + d.currency();
    }

    private String say(Dialogue d, String key, Object... args) {
        return messages.getMessage(key, args, d.language());
    }
}
