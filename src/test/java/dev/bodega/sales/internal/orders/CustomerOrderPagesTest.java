package dev.bodega.sales.internal.orders;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.sales.internal.orders.OrderViews.OrderView;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer orders over HTTP: a partner drafts, fills and sends an order on its pages; the staff approve and ship it
 * on theirs; the partner sees it shipped and its invoice. Another partner's and another company's ids are 404,
 * in pages and API; raw SQL with a partner set sees only that partner's order rows.
 */
@BodegaTest
class CustomerOrderPagesTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired PartnerSetup partners;
    @Autowired InventorySetup inventory;
    @Autowired StockPostings postings;
    @Autowired PortalOrders portal;
    @Autowired CustomerOrders orders;
    @Autowired OrderShipping shipping;
    @Autowired Api api;

    private OrderWorld world;

    @BeforeEach
    void world() {
        world = OrderWorld.create(fixtures, stock, partners, inventory, postings);
    }

    private WebSession partner(OrderWorld.Org org) {
        return WebSession.signedIn(api.baseUrl(), world.tenant().slug(),
                (org == world.a() ? "ua@" : "ub@") + world.tenant().slug() + ".test", TestFixtures.PASSWORD);
    }

    private static String version(WebSession.Page page) {
        return page.find("name=\"version\" value=\"(\\d+)\"");
    }

    @Test
    void aPartnerOrdersOnItsPagesAndTheStaffApproveAndShipOnTheirs() {
        WebSession customer = partner(world.a());
        WebSession.Page list = customer.get("/portal/orders");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("new-order-form").contains("Almacén A").doesNotContain("Almacén B");
        WebSession.Page created = customer.post("/portal/orders",
                Map.of("destinationId", world.a().warehouse().toString(), "expectedDelivery", "2030-01-15"));
        assertThat(created.status()).isEqualTo(302);
        String path = created.locationPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        WebSession.Page draft = customer.get(path);
        customer.post(path + "/lines", Map.of("version", version(draft), "sku", "fil-1", "quantity", "4"));
        draft = customer.get(path);
        assertThat(draft.body()).contains("order-line-FIL-1");
        WebSession.Page unknown = customer.post(path + "/lines", Map.of("version", version(draft), "sku", "NOPE",
                "quantity", "1"));
        assertThat(customer.get(unknown.locationPath()).body()).contains("No hay un artículo activo");
        draft = customer.get(path);
        customer.post(path + "/submit", Map.of("version", version(draft)));
        assertThat(customer.get(path).body()).contains("Enviado");

        WebSession staff = WebSession.signedIn(api.baseUrl(), world.tenant().slug(), world.tenant().adminEmail(),
                TestFixtures.PASSWORD);
        WebSession.Page inbox = staff.get("/sales/customer-orders?status=submitted&organizationId=" + world.a().id());
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("order-" + id);
        WebSession.Page detail = staff.get("/sales/customer-orders/" + id);
        staff.post("/sales/customer-orders/" + id + "/approve", Map.of("version", version(detail)));
        detail = staff.get("/sales/customer-orders/" + id);
        assertThat(detail.body()).contains("order-ship-form");
        String line = detail.find("name=\"line\" value=\"([0-9a-f-]+)\"");
        staff.post("/sales/customer-orders/" + id + "/ship", Map.of("version", version(detail),
                "fromLocationId", world.shop().toString(), "line", line, "quantity", "1"));
        detail = staff.get("/sales/customer-orders/" + id);
        assertThat(detail.body()).contains("Despachado en parte");
        staff.post("/sales/customer-orders/" + id + "/ship", Map.of("version", version(detail),
                "fromLocationId", world.shop().toString(), "line", line, "quantity", "3"));
        assertThat(stock.onHand(world.tenant(), world.a().warehouse(), world.item())).isEqualByComparingTo("4");

        WebSession.Page shipped = customer.get(path);
        assertThat(shipped.body()).contains("Despachado").contains("order-shipments-table");
        String sale = shipped.find("href=\"/portal/invoices/([0-9a-f-]+)\"");
        assertThat(customer.get("/portal/invoices").body()).contains("invoice-" + sale);
        assertThat(customer.get("/portal/invoices/" + sale).body()).contains("portal-invoice-lines").contains("FIL-1");
        assertThat(customer.get("/notifications").body()).contains("despachado");

        WebSession other = partner(world.b());
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.get("/portal/invoices/" + sale).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/portal/orders/" + id, null).status()).isEqualTo(404);
        assertThat(other.api("GET", "/api/v1/portal/invoices/" + sale, null).status()).isEqualTo(404);
        assertThat(other.get("/sales/customer-orders/" + id).status()).as("the staff's inbox").isEqualTo(403);
    }

    @Test
    void theApiAsksForTheVersionAndAnswers404ForAnotherCompanysOrders() {
        OrderView order = world.as(world.a(), () -> portal.create(new CustomerOrders.OrderRequest(
                world.a().warehouse(), null, null, List.of(new CustomerOrders.LineRequest(world.item(), BigDecimal.ONE)))));
        world.as(world.a(), () -> portal.submit(order.id(), order.version()));
        String key = world.tenant().adminKey();
        var read = api.get(key, "/api/v1/customer-orders/" + order.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.post(key, "/api/v1/customer-orders/" + order.id() + "/approve", Map.of()).status())
                .as("no If-Match").isEqualTo(428);
        var rejected = api.send(key, "POST", "/api/v1/customer-orders/" + order.id() + "/reject", Map.of("reason", " "),
                Map.of("If-Match", "\"1\""));
        assertThat(rejected.status()).as("a rejection needs a reason").isEqualTo(400);
        var approved = api.send(key, "POST", "/api/v1/customer-orders/" + order.id() + "/approve", Map.of(),
                Map.of("If-Match", "\"1\""));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("approved");
        var again = api.send(key, "POST", "/api/v1/customer-orders/" + order.id() + "/approve", Map.of(),
                Map.of("If-Match", "\"2\""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/order-transition");

        var stranger = fixtures.tenant();
        assertThat(api.get(stranger.adminKey(), "/api/v1/customer-orders/" + order.id()).status()).isEqualTo(404);
        assertThat(api.get(stranger.adminKey(), "/api/v1/portal/orders/" + order.id()).status())
                .as("the portal is the partners' (another company's partner: CrossTenantIdTest)").isEqualTo(403);
        assertThat(api.send(stranger.adminKey(), "POST", "/api/v1/customer-orders/" + order.id() + "/shipments",
                Map.of("fromLocationId", world.shop().toString()), Map.of("If-Match", "\"2\"")).status())
                .isEqualTo(404);
        assertThat(api.post(key, "/api/v1/portal/orders", Map.of("destinationId", world.a().warehouse().toString()))
                .status()).as("the staff do not order through the portal").isEqualTo(403);
    }

    @Test
    void aShipmentHeldByAnApprovalRuleIsInvoicedAndMovesStockOnlyWhenApproved() {
        String admin = world.tenant().adminKey();
        assertThat(api.post(admin, "/api/v1/approval-rules", Map.of("movementType", "receipt")).status()).isEqualTo(201);
        UUID manager = fixtures.user(world.tenant(), "jefe@" + world.tenant().slug() + ".test", "manager");
        String approver = fixtures.apiKey(world.tenant(), manager, Set.of("inventory.*"), List.of("inventory.*"));
        OrderView order = approvedOrder(world.a());
        String path = "/api/v1/customer-orders/" + order.id() + "/shipments";
        Map<String, Object> all = Map.of("fromLocationId", world.shop().toString());

        var held = api.send(admin, "POST", path, all, Map.of("If-Match", "\"" + order.version() + "\""));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        assertThat(held.json().get("status").asString()).isEqualTo("approved");
        assertThat(held.json().get("shipments").get(0).get("status").asString()).isEqualTo("pending");
        assertThat(stock.onHand(world.tenant(), world.shop(), world.item())).isEqualByComparingTo("20");
        assertThat(api.send(admin, "POST", path, all, Map.of("If-Match", held.header("ETag"))).status())
                .as("its quantities are set aside").isEqualTo(422);
        assertThat(api.post(approver, "/api/v1/approvals/" + pending(admin) + "/reject", Map.of("reason", "No"))
                .status()).isEqualTo(200);
        assertThat(stock.onHand(world.tenant(), world.a().warehouse(), world.item())).isEqualByComparingTo("0");

        var again = api.send(admin, "POST", path, all, Map.of("If-Match", held.header("ETag")));
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(api.post(approver, "/api/v1/approvals/" + pending(admin) + "/approve", Map.of()).status())
                .isEqualTo(200);
        var shipped = api.get(admin, "/api/v1/customer-orders/" + order.id()).json();
        assertThat(shipped.get("status").asString()).isEqualTo("shipped");
        assertThat(shipped.get("shipments").valueStream().map(sh -> sh.get("status").asString()).toList())
                .containsExactlyInAnyOrder("rejected", "shipped");
        assertThat(stock.onHand(world.tenant(), world.shop(), world.item())).isEqualByComparingTo("19");
        assertThat(stock.onHand(world.tenant(), world.a().warehouse(), world.item())).isEqualByComparingTo("1");
        assertThat(stock.ledgerMismatches(world.tenant())).isZero();
    }

    private String pending(String key) {
        var items = api.get(key, "/api/v1/approvals?status=pending").json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("id").asString();
    }

    @Test
    void rawSqlWithAPartnerSetSeesOnlyItsOrganizationsOrderRows() throws SQLException {
        OrderView mine = shippedOrder(world.a());
        OrderView theirs = shippedOrder(world.b());
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT set_config('app.tenant_id', '" + world.tenant().id() + "', false), "
                    + "set_config('app.user_id', '" + world.a().user() + "', false), "
                    + "set_config('app.partner_id', '" + world.a().id() + "', false)");
            for (String table : List.of("customer_orders", "customer_order_items", "customer_order_shipments",
                    "customer_order_shipment_lines", "customer_order_history")) {
                String column = table.equals("customer_orders") ? "id" : "order_id";
                assertThat(column(sql, "SELECT " + column + " FROM " + table)).as(table).containsExactly(mine.id());
            }
            assertThat(sql.executeUpdate("UPDATE customer_orders SET notes = 'x' WHERE id = '" + theirs.id() + "'"))
                    .as("another organization's order is not there to change").isZero();
            assertThat(sql.executeUpdate("UPDATE customer_orders SET status = 'draft' WHERE id = '" + mine.id() + "'"))
                    .as("a shipped order is the staff's to change").isZero();
        }
    }

    private OrderView shippedOrder(OrderWorld.Org org) {
        OrderView approved = approvedOrder(org);
        return world.asStaff(() -> shipping.ship(approved.id(), approved.version(),
                new OrderShipping.ShipmentRequest(world.shop(), null)).order());
    }

    private OrderView approvedOrder(OrderWorld.Org org) {
        OrderView draft = world.as(org, () -> portal.create(new CustomerOrders.OrderRequest(org.warehouse(), null,
                null, List.of(new CustomerOrders.LineRequest(world.item(), BigDecimal.ONE)))));
        OrderView sent = world.as(org, () -> portal.submit(draft.id(), draft.version()));
        return world.asStaff(() -> orders.approve(sent.id(), sent.version(), new CustomerOrders.Approval(null)));
    }

    private static Set<UUID> column(Statement sql, String query) throws SQLException {
        Set<UUID> values = new HashSet<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getObject(1, UUID.class));
            }
        }
        return values;
    }
}
