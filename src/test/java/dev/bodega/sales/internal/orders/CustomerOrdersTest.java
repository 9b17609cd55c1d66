package dev.bodega.sales.internal.orders;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Customer orders (seed 004): the state machine refuses every move it does not list, of two concurrent approvals
 * exactly one wins, and shipments move stock through the ledger from the company's warehouse into the partner's,
 * each invoiced by a sale with the next gapless number.
 */
@BodegaTest
class CustomerOrdersTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired PartnerSetup partners;
    @Autowired InventorySetup inventory;
    @Autowired StockPostings postings;
    @Autowired PortalOrders portal;
    @Autowired CustomerOrders orders;
    @Autowired OrderShipping shipping;
    @Autowired OrderQueries queries;
    @Autowired JdbcClient jdbc;

    private OrderWorld world;

    @BeforeEach
    void world() {
        world = OrderWorld.create(fixtures, stock, partners, inventory, postings);
    }

    private OrderView draft(OrderWorld.Org org, String quantity, String bulkQuantity) {
        return world.as(org, () -> portal.create(new CustomerOrders.OrderRequest(org.warehouse(), null, "urgente",
                List.of(new CustomerOrders.LineRequest(world.item(), new BigDecimal(quantity)),
                        new CustomerOrders.LineRequest(world.bulk(), new BigDecimal(bulkQuantity))))));
    }

    private OrderView submitted(OrderWorld.Org org, String quantity, String bulkQuantity) {
        OrderView draft = draft(org, quantity, bulkQuantity);
        return world.as(org, () -> portal.submit(draft.id(), draft.version()));
    }

    private static String problem(Runnable action) {
        try {
            action.run();
        } catch (ErrorResponseException e) {
            return e.getBody().getType().toString().replaceFirst(".*/", "");
        }
        throw new AssertionError("not refused");
    }

    @Test
    void theStateMachineRefusesEveryMoveItDoesNotList() {
        OrderView draft = draft(world.a(), "2", "1.5");
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.code()).startsWith("PED-");
        assertThat(draft.orderedBy()).isEqualTo(world.a().user());
        assertThat(problem(() -> world.asStaff(() -> orders.approve(draft.id(), draft.version(),
                new CustomerOrders.Approval(null))))).as("a draft is not approved").isEqualTo("order-transition");
        assertThat(problem(() -> world.asStaff(() -> orders.deliver(draft.id(), draft.version()))))
                .isEqualTo("order-transition");
        assertThat(problem(() -> world.asStaff(() -> shipping.ship(draft.id(), draft.version(),
                new OrderShipping.ShipmentRequest(world.shop(), null)).order()))).isEqualTo("order-transition");

        OrderView sent = world.as(world.a(), () -> portal.submit(draft.id(), draft.version()));
        assertThat(sent.status()).isEqualTo("submitted");
        assertThat(problem(() -> world.as(world.a(), () -> portal.submit(sent.id(), sent.version()))))
                .as("submitted twice").isEqualTo("order-transition");
        assertThat(problem(() -> world.as(world.a(), () -> portal.update(sent.id(), sent.version(),
                new CustomerOrders.OrderRequest(world.a().warehouse(), null, null, List.of())))))
                .as("a submitted order is no longer edited").isEqualTo("order-not-draft");
        assertThat(problem(() -> world.asStaff(() -> orders.deliver(sent.id(), sent.version()))))
                .isEqualTo("order-transition");

        OrderView rejected = world.asStaff(() -> orders.reject(sent.id(), sent.version(),
                new CustomerOrders.Rejection("Sin stock del repuesto")));
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.reason()).isEqualTo("Sin stock del repuesto");
        for (Runnable move : List.<Runnable>of(
                () -> world.asStaff(() -> orders.approve(rejected.id(), rejected.version(), new CustomerOrders.Approval(null))),
                () -> world.as(world.a(), () -> portal.cancel(rejected.id(), rejected.version(),
                        new CustomerOrders.Cancellation(null))),
                () -> world.as(world.a(), () -> portal.submit(rejected.id(), rejected.version())))) {
            assertThat(problem(move)).isEqualTo("order-transition");
        }
        assertThat(world.asStaff(() -> queries.get(rejected.id())).history())
                .extracting(OrderViews.HistoryEntry::toStatus).containsExactly("draft", "submitted", "rejected");

        OrderView other = submitted(world.a(), "1", "1");
        OrderView approved = world.asStaff(() -> orders.approve(other.id(), other.version(),
                new CustomerOrders.Approval(null)));
        assertThat(approved.approvedBy()).isEqualTo(world.tenant().adminId());
        assertThat(problem(() -> world.as(world.a(), () -> portal.cancel(approved.id(), approved.version(),
                new CustomerOrders.Cancellation("ya no")))))
                .as("the partner cancels only until the staff decide").isEqualTo("order-transition");
        assertThat(problem(() -> world.asStaff(() -> orders.approve(approved.id(), approved.version() - 1,
                new CustomerOrders.Approval(null))))).as("a stale version").isEqualTo("stale-version");
    }

    @Test
    void ofTwoConcurrentApprovalsExactlyOneWins() throws Exception {
        OrderView order = submitted(world.a(), "2", "1");
        Callable<String> approve = () -> {
            try {
                return world.asStaff(() -> orders.approve(order.id(), order.version(),
                        new CustomerOrders.Approval(null))).status();
            } catch (ErrorResponseException e) {
                return e.getBody().getType().toString().replaceFirst(".*/", "");
            }
        };
        List<String> results = Together.run(List.of(approve, approve));
        // The one that lost is refused either for the order's state or for its version, by which of the two it met first.
        assertThat(results).containsOnlyOnce("approved");
        assertThat(results).filteredOn(result -> !result.equals("approved")).singleElement()
                .isIn("order-transition", "stale-version");
        assertThat(world.asStaff(() -> queries.get(order.id())).history())
                .extracting(OrderViews.HistoryEntry::toStatus).containsExactly("draft", "submitted", "approved");
    }

    @Test
    void partialShipmentsMoveStockThroughTheLedgerAndInvoiceEachWithTheNextNumber() {
        OrderView order = submitted(world.a(), "5", "2.5");
        OrderView approved = world.asStaff(() -> orders.approve(order.id(), order.version(),
                new CustomerOrders.Approval(null)));
        UUID itemLine = approved.items().get(0).id();
        UUID bulkLine = approved.items().get(1).id();

        OrderView first = world.asStaff(() -> shipping.ship(order.id(), approved.version(),
                new OrderShipping.ShipmentRequest(world.shop(), List.of(new OrderShipping.ShipLine(itemLine,
                        new BigDecimal("2")), new OrderShipping.ShipLine(bulkLine, BigDecimal.ZERO)))).order());
        assertThat(first.status()).isEqualTo("partially_shipped");
        assertThat(onHand(world.shop(), world.item())).isEqualByComparingTo("18");
        assertThat(onHand(world.a().warehouse(), world.item())).isEqualByComparingTo("2");

        assertThat(problem(() -> world.asStaff(() -> shipping.ship(order.id(), first.version(),
                new OrderShipping.ShipmentRequest(world.shop(), List.of(new OrderShipping.ShipLine(itemLine,
                        new BigDecimal("4"))))).order())))
                .as("more than remains").isEqualTo("shipment-exceeds-order");
        UUID partnerShop = world.b().warehouse();
        assertThat(problem(() -> world.asStaff(() -> shipping.ship(order.id(), first.version(),
                new OrderShipping.ShipmentRequest(partnerShop, null)).order())))
                .as("a partner's warehouse is not the company's").isEqualTo("shipment-location");

        OrderView second = world.asStaff(() -> shipping.ship(order.id(), first.version(),
                new OrderShipping.ShipmentRequest(world.shop(), List.of(new OrderShipping.ShipLine(bulkLine,
                        new BigDecimal("1.5"))))).order());
        assertThat(second.status()).isEqualTo("partially_shipped");
        OrderView rest = world.asStaff(() -> shipping.ship(order.id(), second.version(),
                new OrderShipping.ShipmentRequest(world.shop(), null)).order());
        assertThat(rest.status()).isEqualTo("shipped");
        assertThat(rest.items()).allSatisfy(i -> assertThat(i.shippedQuantity()).isEqualByComparingTo(i.quantity()));

        assertThat(onHand(world.shop(), world.item())).isEqualByComparingTo("15");
        assertThat(onHand(world.a().warehouse(), world.item())).isEqualByComparingTo("5");
        assertThat(onHand(world.shop(), world.bulk())).isEqualByComparingTo("47.5");
        assertThat(onHand(world.a().warehouse(), world.bulk())).isEqualByComparingTo("2.5");
        assertThat(stock.ledgerMismatches(world.tenant())).isZero();

        assertThat(rest.shipments()).hasSize(3);
        List<Long> numbers = stock.asAdmin(world.tenant(), () -> jdbc.sql("""
                        SELECT s.invoice_number FROM customer_order_shipments sh
                        JOIN sales s ON s.id = sh.sale_id AND s.status = 'completed'
                        JOIN customers c ON c.id = s.customer_id AND c.organization_id = :org
                        WHERE sh.order_id = :order ORDER BY sh.shipped_at""")
                .param("org", world.a().id()).param("order", order.id()).query(Long.class).list());
        assertThat(numbers).hasSize(3);
        assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
        assertThat(numbers.get(2)).isEqualTo(numbers.get(0) + 2);
        assertThat(rest.shipments()).allSatisfy(s -> assertThat(s.invoice()).isNotBlank());

        OrderView delivered = world.asStaff(() -> orders.deliver(order.id(), rest.version()));
        assertThat(delivered.status()).isEqualTo("delivered");
        assertThat(delivered.actualDelivery()).isNotNull();
        assertThat(world.as(world.a(), () -> queries.get(order.id())).shipments()).hasSize(3);
    }

    @Test
    void aShipmentWithoutStockChangesNothing() {
        OrderView order = submitted(world.b(), "25", "1");
        OrderView approved = world.asStaff(() -> orders.approve(order.id(), order.version(),
                new CustomerOrders.Approval(null)));
        assertThat(problem(() -> world.asStaff(() -> shipping.ship(order.id(), approved.version(),
                new OrderShipping.ShipmentRequest(world.shop(), null)).order()))).isEqualTo("insufficient-stock");
        OrderView after = world.asStaff(() -> queries.get(order.id()));
        assertThat(after.status()).isEqualTo("approved");
        assertThat(after.shipments()).isEmpty();
        assertThat(onHand(world.shop(), world.item())).isEqualByComparingTo("20");
        assertThat(onHand(world.b().warehouse(), world.bulk())).isEqualByComparingTo("0");
    }

    @Test
    void aPartnerOrdersOnlyForItsOwnWarehousesAndSeesOnlyItsOwnOrders() {
        OrderView mine = draft(world.a(), "1", "1");
        OrderView theirs = draft(world.b(), "1", "1");
        assertThat(problem(() -> world.as(world.a(), () -> portal.create(new CustomerOrders.OrderRequest(
                world.b().warehouse(), null, null, List.of()))))).isEqualTo("order-destination");
        assertThat(problem(() -> world.as(world.a(), () -> queries.get(theirs.id())))).isEqualTo("not-found");
        assertThat(problem(() -> world.as(world.a(), () -> portal.submit(theirs.id(), theirs.version()))))
                .isEqualTo("not-found");
        assertThat(world.as(world.a(), () -> queries.list(null, null, null, 50)))
                .extracting(OrderViews.OrderSummary::id).containsExactly(mine.id());
        assertThat(problem(() -> world.asStaff(() -> portal.create(new CustomerOrders.OrderRequest(
                world.a().warehouse(), null, null, List.of()))))).as("staff do not order through the portal")
                .isEqualTo("partner-only");
        OrderView empty = world.as(world.a(), () -> portal.create(new CustomerOrders.OrderRequest(
                world.a().warehouse(), null, null, List.of())));
        assertThat(problem(() -> world.as(world.a(), () -> portal.submit(empty.id(), empty.version()))))
                .isEqualTo("order-empty");
        OrderView filled = world.as(world.a(), () -> portal.addLine(empty.id(), empty.version(),
                new CustomerOrders.LineRequest(world.item(), new BigDecimal("3"))));
        OrderView more = world.as(world.a(), () -> portal.addLine(filled.id(), filled.version(),
                new CustomerOrders.LineRequest(world.item(), new BigDecimal("2"))));
        assertThat(more.items()).singleElement().satisfies(i -> assertThat(i.quantity()).isEqualByComparingTo("5"));
        assertThat(problem(() -> world.as(world.a(), () -> portal.addLine(more.id(), more.version(),
                new CustomerOrders.LineRequest(world.item(), new BigDecimal("0.5"))))))
                .as("whole units").isEqualTo("quantity-decimals");
    }

    @Test
    void theStaffHearOfASubmittedOrderAndThePartnerOfItsApproval() {
        UUID manager = fixtures.user(world.tenant(), "gerente@" + world.tenant().slug() + ".test", "manager");
        OrderView order = submitted(world.a(), "1", "1");
        assertThat(notices(manager)).containsExactly("orders.notice.submitted.title");
        world.asStaff(() -> orders.approve(order.id(), order.version(), new CustomerOrders.Approval(null)));
        assertThat(notices(world.a().user())).containsExactly("orders.notice.approved.title");
    }

    private List<String> notices(UUID user) {
        return stock.asAdmin(world.tenant(), () -> jdbc.sql("SELECT title_key FROM notifications WHERE user_id = :u")
                .param("u", user).query(String.class).list());
    }

    private BigDecimal onHand(UUID location, UUID item) {
        return stock.onHand(world.tenant(), location, item);
    }
}
