package dev.bodega.platform;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.sales.CustomerOrderDesk;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.Multipart;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every /api/v1 endpoint that takes an id answers 404 for another tenant's
 * id, and leaves that tenant's data alone. Endpoints are found by
 * enumerating the handler mappings, so a new endpoint fails this test until
 * its kind of id is added to {@link #IDS} (one line).
 */
@BodegaTest
class CrossTenantIdTest {

    /** One id of each kind, all belonging to the other tenant. */
    record Foreign(String userId, String roleId, String apiKeyId, String sessionId, String notificationId,
                   String securityEventId, String auditId, String adjustmentId, String importJobId, String locationId,
                   String itemId, String postingId, String catalogItemId, String itemBarcode,
                   String categoryId, String supplierId, String itemImportJobId, Sales sales,
                   Purchasing purchasing, Vehicles vehicles, Requests requests, Service service,
                   String countId, String organizationId, String machineId, String usageId,
                   String approvalRuleId, Messaging messaging, String orderId, String webhookId) {
    }

    /**
     * The other tenant's inbox: a web chat channel, a visitor's conversation and contact, a tag, a template, a scheduled
     * message, an assistant.
     */
    record Messaging(String channelId, String conversationId, String contactId, String tagId, String templateId,
                     String scheduledId, String assistantId) {
    }

    /** The other tenant's vehicle model and an order of it. */
    record Vehicles(String modelId, String orderId) {
    }

    /**
     * The other tenant's sales documents: a customer, a completed sale with a return, its invoice series, a void
     * request, its till's cash session.
     */
    record Sales(String customerId, String saleId, String invoiceSeriesId, String returnId, String voidRequestId,
                 String cashSessionId) {
    }

    /** The other tenant's purchasing documents: a supplier order with one delivery received. */
    record Purchasing(String orderId, String receiptId) {
    }

    /** The other tenant's transfer request and an item in its admin's request cart. */
    record Requests(String requestId, String cartItemId) {
    }

    /** The other tenant's service documents: a loan to a technician, a pending warranty claim with a photo. */
    record Service(String movementId, String claimId) {
    }

    /** Path pattern → which of the other tenant's ids to put in its path variable. */
    private static final Map<String, Function<Foreign, String>> IDS = new LinkedHashMap<>();

    static {
        IDS.put("/api/v1/users/{id}", Foreign::userId);
        IDS.put("/api/v1/users/{id}/roles", Foreign::userId);
        IDS.put("/api/v1/users/{id}/sessions", Foreign::userId);
        IDS.put("/api/v1/users/{id}/approve", Foreign::userId);
        IDS.put("/api/v1/users/{id}/reject", Foreign::userId);
        IDS.put("/api/v1/invitations/{userId}/resend", Foreign::userId);
        IDS.put("/api/v1/vehicle-models/{id}", f -> f.vehicles().modelId());
        IDS.put("/api/v1/vehicle-models/{id}/items", f -> f.vehicles().modelId());
        IDS.put("/api/v1/vehicle-models/{id}/items/{itemId}", f -> f.vehicles().modelId());
        IDS.put("/api/v1/items/{id}/vehicle-models", Foreign::catalogItemId);
        IDS.put("/api/v1/vehicle-orders/{id}", f -> f.vehicles().orderId());
        IDS.put("/api/v1/vehicle-orders/{id}/level", f -> f.vehicles().orderId());
        IDS.put("/api/v1/vehicle-orders/{id}/cancel", f -> f.vehicles().orderId());
        IDS.put("/api/v1/roles/{id}", Foreign::roleId);
        IDS.put("/api/v1/api-keys/{id}", Foreign::apiKeyId);
        IDS.put("/api/v1/me/sessions/{sessionId}", Foreign::sessionId);
        IDS.put("/api/v1/notifications/{id}/read", Foreign::notificationId);
        IDS.put("/api/v1/stock/adjustments/{id}", Foreign::adjustmentId);
        IDS.put("/api/v1/stock/adjustments/{id}/approve", Foreign::adjustmentId);
        IDS.put("/api/v1/stock/adjustments/{id}/reject", Foreign::adjustmentId);
        // Their adjustment waits for approval under its own id.
        for (String step : List.of("", "/approve", "/reject")) {
            IDS.put("/api/v1/approvals/{id}" + step, Foreign::adjustmentId);
        }
        IDS.put("/api/v1/approval-rules/{id}", Foreign::approvalRuleId);
        IDS.put("/api/v1/stock/opening-balance/import/{jobId}", Foreign::importJobId);
        IDS.put("/api/v1/customers/{id}", f -> f.sales().customerId());
        IDS.put("/api/v1/customers/{id}/sales", f -> f.sales().customerId());
        IDS.put("/api/v1/sales/{id}", f -> f.sales().saleId());
        IDS.put("/api/v1/sales/{id}/complete", f -> f.sales().saleId());
        IDS.put("/api/v1/sales/{id}/cancel", f -> f.sales().saleId());
        IDS.put("/api/v1/sales/{id}/returns", f -> f.sales().saleId());
        IDS.put("/api/v1/sales/{id}/invoice.pdf", f -> f.sales().saleId());
        IDS.put("/api/v1/sales/{id}/void-requests", f -> f.sales().saleId());
        IDS.put("/api/v1/sales/void-requests/{requestId}/approve", f -> f.sales().voidRequestId());
        IDS.put("/api/v1/sales/void-requests/{requestId}/reject", f -> f.sales().voidRequestId());
        IDS.put("/api/v1/reports/customers/{id}/purchases", f -> f.sales().customerId());
        IDS.put("/api/v1/invoice-series/{id}", f -> f.sales().invoiceSeriesId());
        IDS.put("/api/v1/invoice-series/{id}/default", f -> f.sales().invoiceSeriesId());
        IDS.put("/api/v1/returns/{id}", f -> f.sales().returnId());
        IDS.put("/api/v1/cash-sessions/{id}", f -> f.sales().cashSessionId());
        IDS.put("/api/v1/cash-sessions/{id}/movements", f -> f.sales().cashSessionId());
        IDS.put("/api/v1/cash-sessions/{id}/close", f -> f.sales().cashSessionId());
        IDS.put("/api/v1/cash-sessions/{id}/z-report", f -> f.sales().cashSessionId());
        IDS.put("/api/v1/locations/{id}", Foreign::locationId);
        IDS.put("/api/v1/locations/{id}/users", Foreign::locationId);
        IDS.put("/api/v1/users/{id}/locations", Foreign::userId);
        IDS.put("/api/v1/stock/levels/{locationId}/{itemId}", Foreign::locationId);
        IDS.put("/api/v1/stock/postings/{id}", Foreign::postingId);
        IDS.put("/api/v1/items/{id}/kardex", Foreign::itemId);
        IDS.put("/api/v1/items/{id}", Foreign::catalogItemId);
        IDS.put("/api/v1/items/by-barcode/{barcode}", Foreign::itemBarcode);
        IDS.put("/api/v1/items/{id}/price-history", Foreign::catalogItemId);
        IDS.put("/api/v1/items/{id}/suppliers", Foreign::catalogItemId);
        IDS.put("/api/v1/items/{id}/suppliers/{supplierId}", Foreign::catalogItemId);
        IDS.put("/api/v1/items/import/{jobId}", Foreign::itemImportJobId);
        IDS.put("/api/v1/categories/{id}", Foreign::categoryId);
        IDS.put("/api/v1/suppliers/{id}", Foreign::supplierId);
        IDS.put("/api/v1/purchasing/orders/{id}", f -> f.purchasing().orderId());
        IDS.put("/api/v1/purchasing/orders/{id}/send", f -> f.purchasing().orderId());
        IDS.put("/api/v1/purchasing/orders/{id}/cancel", f -> f.purchasing().orderId());
        IDS.put("/api/v1/purchasing/orders/{id}/receipts", f -> f.purchasing().orderId());
        IDS.put("/api/v1/purchasing/orders/{id}/receipts/{receiptId}", f -> f.purchasing().receiptId());
        for (String action : List.of("", "/start-picking", "/picking", "/dispatch", "/receive", "/cancel")) {
            IDS.put("/api/v1/transfer-requests/{id}" + action, f -> f.requests().requestId());
        }
        IDS.put("/api/v1/request-cart/items/{id}", f -> f.requests().cartItemId());
        for (String step : List.of("", "/returns", "/settle")) {
            IDS.put("/api/v1/service/technician-movements/{id}" + step, f -> f.service().movementId());
        }
        for (String step : List.of("", "/submit", "/approve", "/reject", "/replacement", "/photos", "/photos/{photoId}")) {
            IDS.put("/api/v1/service/warranty-claims/{id}" + step, f -> f.service().claimId());
        }
        for (String count : List.of("", "/entries", "/submit", "/recount", "/close", "/cancel", "/sheet.csv", "/sheet.pdf")) {
            IDS.put("/api/v1/stock/counts/{id}" + count, Foreign::countId);
        }
        for (String step : List.of("", "/children")) {
            IDS.put("/api/v1/organizations/{id}" + step, Foreign::organizationId);
        }
        for (String step : List.of("", "/readings", "/usage")) {
            IDS.put("/api/v1/machines/{id}" + step, Foreign::machineId);
        }
        IDS.put("/api/v1/organizations/{organizationId}/users", Foreign::organizationId);
        IDS.put("/api/v1/portal/machines/{id}", Foreign::machineId);
        IDS.put("/api/v1/part-usage/{id}", Foreign::usageId);
        IDS.put("/api/v1/portal/part-usage/{id}", Foreign::usageId);
        // Their item; a run of theirs, and a level of theirs with a recommendation, are tried in InsightsApiTest.
        IDS.put("/api/v1/forecasts/items/{itemId}", Foreign::catalogItemId);
        IDS.put("/api/v1/forecast-runs/{id}", Foreign::catalogItemId);
        IDS.put("/api/v1/reorder-recommendations/{locationId}/{itemId}/accept", Foreign::locationId);
        IDS.put("/api/v1/reorder-recommendations/{locationId}/{itemId}/keep", Foreign::locationId);
        for (String step : List.of("", "/messages", "/status", "/priority", "/assignee", "/snooze", "/read", "/tags/{tagId}")) {
            IDS.put("/api/v1/conversations/{id}" + step, f -> f.messaging().conversationId());
        }
        for (String step : List.of("", "/customer", "/merge")) {
            IDS.put("/api/v1/contacts/{id}" + step, f -> f.messaging().contactId());
        }
        IDS.put("/api/v1/channels/{id}", f -> f.messaging().channelId());
        IDS.put("/api/v1/tags/{id}", f -> f.messaging().tagId());
        IDS.put("/api/v1/response-templates/{id}", f -> f.messaging().templateId());
        IDS.put("/api/v1/scheduled-messages/{id}", f -> f.messaging().scheduledId());
        IDS.put("/api/v1/scheduled-messages/{id}/cancel", f -> f.messaging().scheduledId());
        IDS.put("/api/v1/assistants/{id}", f -> f.messaging().assistantId());
        IDS.put("/api/v1/assistants/{id}/test", f -> f.messaging().assistantId());
        for (String step : List.of("", "/approve", "/reject", "/shipments", "/deliver")) {
            IDS.put("/api/v1/customer-orders/{id}" + step, Foreign::orderId);
        }
        for (String step : List.of("", "/submit", "/cancel")) {
            IDS.put("/api/v1/portal/orders/{id}" + step, Foreign::orderId);
        }
        IDS.put("/api/v1/portal/invoices/{id}", f -> f.sales().saleId());
        // Their endpoint, in every variable (a delivery of theirs is found through its endpoint).
        for (String step : List.of("", "/rotate-secret", "/deliveries", "/deliveries/{deliveryId}",
                "/deliveries/{deliveryId}/replay")) {
            IDS.put("/api/v1/webhooks/{id}" + step, Foreign::webhookId);
        }
    }

    /**
     * A body valid for every create or update call, so each is judged on its id rather than refused as
     * malformed (unknown fields are ignored); add a field here if a new endpoint requires one.
     */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> ANY_BODY = Map.ofEntries(
            Map.entry("name", "cross-tenant"), Map.entry("email", "cross@tenant.test"), Map.entry("active", true),
            Map.entry("roleIds", List.of()), Map.entry("description", "cross-tenant"),
            Map.entry("permissions", List.of("catalog.read")),
            Map.entry("documentType", "CC"), Map.entry("documentNumber", "cross-tenant"), Map.entry("firstName", "cross"),
            Map.entry("reason", "cross-tenant"), Map.entry("refundMethod", "cash"),
            Map.entry("kind", "warehouse"), Map.entry("number", "CROSS-1"), Map.entry("type", "customer"),
            Map.entry("serialNumber", "CROSS-1"), Map.entry("model", "cross"), Map.entry("value", 1),
            Map.entry("movementType", "issue"),
            Map.entry("organizationId", "00000000-0000-0000-0000-000000000000"),
            Map.entry("modelId", "00000000-0000-0000-0000-000000000000"), Map.entry("sku", "CROSS-1"), Map.entry("userIds", List.of()),
            Map.entry("supplierId", "00000000-0000-0000-0000-000000000000"),
            Map.entry("locationId", "00000000-0000-0000-0000-000000000000"), Map.entry("quantity", 1),
            Map.entry("fromLocationId", "00000000-0000-0000-0000-000000000000"),
            Map.entry("destinationId", "00000000-0000-0000-0000-000000000000"),
            Map.entry("lines", List.of(Map.of("saleLineId", "00000000-0000-0000-0000-000000000000", "quantity", 1,
                    "itemId", "00000000-0000-0000-0000-000000000000",
                    "lineId", "00000000-0000-0000-0000-000000000000",
                    "orderItemId", "00000000-0000-0000-0000-000000000000"))));

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired Notifications notifications;
    @Autowired StockPostings postings;
    @Autowired CustomerOrderDesk orderDesk;
    @Autowired InventorySetup inventorySetup;
    @Autowired PartnerSetup partners;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyIdOfAnotherTenantIsNotFound() throws Exception {
        List<Route> routes = routesWithIds();
        assertThat(routes).isNotEmpty();
        assertThat(routes.stream().map(Route::pattern).filter(p -> !IDS.containsKey(p)).distinct().toList())
                .as("Endpoints with an id missing from CrossTenantIdTest.IDS: add the kind of id they take")
                .isEmpty();

        var mine = fixtures.tenant();
        var theirs = fixtures.tenant();
        var theirBrowser = new WebSession(api.baseUrl(), "other tenant");
        assertThat(theirBrowser.login(theirs.slug(), theirs.adminEmail(), TestFixtures.PASSWORD).status()).isEqualTo(302);
        Foreign foreign = foreignIds(theirs);
        WebSession partner = partnerOf(mine);

        List<String> leaks = new ArrayList<>();
        for (Route route : routes) {
            String path = route.pattern().replaceAll("\\{[^}]+}", IDS.get(route.pattern()).apply(foreign));
            boolean hasBody = route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH");
            // The portal is a partner user's (staff are refused it before any id is looked up).
            Object body = hasBody ? bodyFor(route.pattern()) : null;
            int status;
            String answer;
            if (path.startsWith("/api/v1/portal/")) {
                var response = partner.api(route.method(), path, body == null ? null : JSON.writeValueAsString(body));
                status = response.status();
                answer = response.body();
            } else {
                var response = api.send(mine.adminKey(), route.method(), path, body, Map.of("If-Match", "\"0\""));
                status = response.status();
                answer = response.body();
            }
            if (status != 404) {
                leaks.add(route.method() + " " + route.pattern() + " → " + status + " " + answer);
            }
        }
        assertThat(leaks).as("Answers other than 404 for another tenant's id").isEmpty();
        assertUntouched(theirs, foreign, theirBrowser);
    }

    /** A partner user of the company's own, signed in. */
    private WebSession partnerOf(TestFixtures.Tenant tenant) {
        UUID organization = stock.asAdmin(tenant, () -> partners.createOrganization(
                new PartnerSetup.NewOrganization("Cliente cruzado", "customer", null, null, null)));
        String email = "portal@" + tenant.slug() + ".test";
        fixtures.partnerUser(tenant, organization, email, "partner_admin");
        return WebSession.signedIn(api.baseUrl(), tenant.slug(), email, TestFixtures.PASSWORD);
    }

    /** Items and locations both have a "kind", with different values. */
    private static Map<String, Object> bodyFor(String pattern) {
        if (pattern.startsWith("/api/v1/cash-sessions/")) {
            Map<String, Object> body = new LinkedHashMap<>(ANY_BODY);
            body.putAll(Map.of("kind", "in", "amount", "1.00", "counts", List.of()));
            return body;
        }
        if (pattern.startsWith("/api/v1/machines/")) {
            Map<String, Object> body = new LinkedHashMap<>(ANY_BODY);
            body.put("kind", "hours");
            return body;
        }
        if (pattern.matches("/api/v1/(conversations|contacts|response-templates)/.*")) {
            Map<String, Object> body = new LinkedHashMap<>(ANY_BODY);
            body.putAll(Map.of("content", "cross-tenant", "shortcut", "cross", "status", "resolved", "priority", "high",
                    "assignee", "auto", "mergeId", "00000000-0000-0000-0000-000000000000"));
            if (pattern.startsWith("/api/v1/response-templates/")) {
                body.put("priority", 0);
            }
            return body;
        }
        if (pattern.startsWith("/api/v1/assistants/")) {
            Map<String, Object> body = new LinkedHashMap<>(ANY_BODY);
            body.put("message", "cross-tenant");
            return body;
        }
        if (!pattern.startsWith("/api/v1/items/")) {
            return ANY_BODY;
        }
        Map<String, Object> body = new LinkedHashMap<>(ANY_BODY);
        body.put("kind", "consumable");
        return body;
    }

    record Route(String method, String pattern) {
    }

    /** Every (method, pattern) under /api/v1 with a path variable; a mapping without methods is called with GET. */
    private List<Route> routesWithIds() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1") || !pattern.contains("{")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (seen.add(method + " " + pattern)) {
                        routes.add(new Route(method.name(), pattern));
                    }
                }
            }
        }
        return routes;
    }

    private Foreign foreignIds(TestFixtures.Tenant theirs) throws Exception {
        String user = api.post(theirs.adminKey(), "/api/v1/users", Map.of("name", "Theirs", "email",
                "theirs@" + theirs.slug() + ".test", "roleIds", List.of(theirs.roles().get("viewer")),
                "temporaryPassword", "temporary-1")).json().get("id").asString();
        String apiKey = api.get(theirs.adminKey(), "/api/v1/api-keys").json().get("items").get(0).get("id").asString();
        String session = api.get(theirs.adminKey(), "/api/v1/me/sessions").json().get("items").get(0).get("id").asString();
        TenantContext.runAs(TenantContext.Scope.system(theirs.id()), () -> notifications.send(new Notifications.Notice(
                theirs.adminId(), "Theirs", "A notice of the other tenant", "info", "normal", null)));
        var location = stock.location(theirs, "Their warehouse");
        var item = stock.item(theirs, "THEIRS-1", "pcs", java.math.BigDecimal.ZERO);
        String approvalRule = api.post(theirs.adminKey(), "/api/v1/approval-rules", Map.of("movementType", "adjustment"))
                .json().get("id").asString();
        String adjustment = api.post(theirs.adminKey(), "/api/v1/stock/adjustments", Map.of("locationId", location,
                "reason", "found", "lines", List.of(Map.of("itemId", item, "quantity", 1)))).json().get("id").asString();
        String importJob = Multipart.upload(api, theirs.adminKey(), "/api/v1/stock/opening-balance/import", Map.of(),
                "theirs.csv", "location,sku,quantity\nTheir warehouse,THEIRS-1,1\n").json().get("id").asString();
        UUID stockroom = stock.location(theirs, "Their stockroom");
        UUID counted = stock.item(theirs, "THEIRS-KARDEX", "pcs", java.math.BigDecimal.ONE);
        String posting = api.post(theirs.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", stockroom,
                "lines", List.of(Map.of("itemId", counted, "quantity", 2)))).json().get("postingId").asString();
        String catalogItem = api.post(theirs.adminKey(), "/api/v1/items", Map.of("sku", "THEIRS-CAT", "name", "Theirs",
                "barcode", "7709999999994")).json().get("id").asString();
        String category = api.post(theirs.adminKey(), "/api/v1/categories", Map.of("name", "Theirs")).json()
                .get("id").asString();
        String supplier = api.post(theirs.adminKey(), "/api/v1/suppliers", Map.of("name", "Theirs")).json()
                .get("id").asString();
        String customer = api.post(theirs.adminKey(), "/api/v1/organizations", Map.of("name", "Theirs", "type", "customer"))
                .json().get("id").asString();
        String machine = api.post(theirs.adminKey(), "/api/v1/machines", Map.of("serialNumber", "THEIRS-1", "name",
                "Theirs", "model", "Theirs", "organizationId", customer)).json().get("id").asString();
        String itemImportJob = Multipart.upload(api, theirs.adminKey(), "/api/v1/items/import", Map.of("mode", "skip_invalid"), "theirs.csv", "sku,name\nTHEIRS-2,Imported\n").json().get("id").asString();
        return new Foreign(user, theirs.roles().get("viewer").toString(), apiKey, session,
                newest(theirs, "notifications", "id"), newest(theirs, "security_events", "id"),
                newest(theirs, "audit_log", "id"), adjustment, importJob, stockroom.toString(), counted.toString(),
                posting, catalogItem, "7709999999994", category, supplier, itemImportJob, theirSales(theirs),
                theirPurchases(theirs, supplier, stockroom), theirVehicles(theirs),
                theirRequests(theirs, stockroom, counted), theirService(theirs, stockroom),
                theirCount(theirs, stockroom), customer, machine, theirUsage(theirs, customer, machine), approvalRule,
                theirInbox(theirs), theirOrder(theirs, UUID.fromString(customer), counted), theirWebhook(theirs));
    }

    private String theirWebhook(TestFixtures.Tenant theirs) {
        var created = api.post(theirs.adminKey(), "/api/v1/webhooks", Map.of("url", api.baseUrl() + "/theirs",
                "eventTypes", List.of("sale.completed")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("endpoint").get("id").asString();
    }

    /** A part used on their customer's machine, from the customer's own warehouse. */
    private String theirUsage(TestFixtures.Tenant theirs, String customer, String machine) {
        String warehouse = api.post(theirs.adminKey(), "/api/v1/locations", Map.of("name", "Their customer's",
                "kind", "warehouse", "organizationId", customer)).json().get("id").asString();
        UUID part = stock.item(theirs, "THEIRS-USED", "pcs", java.math.BigDecimal.ZERO);
        TestFixtures.asUser(theirs.id(), theirs.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(UUID.fromString(warehouse), part,
                        MovementType.RECEIPT, java.math.BigDecimal.TEN, java.math.BigDecimal.ONE)))));
        var usage = api.post(theirs.adminKey(), "/api/v1/part-usage", Map.of("machineId", machine,
                "warehouseId", warehouse, "itemId", part, "quantity", 1));
        assertThat(usage.status()).as(usage.body()).isEqualTo(201);
        return usage.json().get("id").asString();
    }

    /** A visitor wrote on their web chat; their conversation is tagged and has a message scheduled. */
    private Messaging theirInbox(TestFixtures.Tenant theirs) {
        var channel = api.post(theirs.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Theirs")).json();
        api.post(null, "/webchat/" + channel.get("publicKey").asString() + "/messages",
                Map.of("visitorId", "their-visitor-0123456789", "text", "hola"));
        var conversation = api.get(theirs.adminKey(), "/api/v1/conversations").json().get("items").get(0);
        String conversationId = conversation.get("id").asString();
        String tag = api.post(theirs.adminKey(), "/api/v1/tags", Map.of("name", "Theirs")).json().get("id").asString();
        String template = api.post(theirs.adminKey(), "/api/v1/response-templates", Map.of("name", "Theirs",
                "shortcut", "theirs", "content", "Theirs")).json().get("id").asString();
        String scheduled = api.post(theirs.adminKey(), "/api/v1/scheduled-messages", Map.of("conversationId",
                conversationId, "content", "Theirs", "scheduledAt", "2099-01-01T10:00:00Z")).json().get("id").asString();
        String assistant = api.post(theirs.adminKey(), "/api/v1/assistants", Map.of("name", "Theirs"))
                .json().get("id").asString();
        return new Messaging(channel.get("id").asString(), conversationId, conversation.get("contactId").asString(), tag,
                template, scheduled, assistant);
    }

    /** A customer order of their customer organization, for its own warehouse. */
    private String theirOrder(TestFixtures.Tenant theirs, UUID organization, UUID item) {
        return stock.asAdmin(theirs, () -> orderDesk.draft(organization, inventorySetup.createLocation(
                        new InventorySetup.NewLocation("Their customer's warehouse", "warehouse", null, null, organization)),
                null, List.of(new CustomerOrderDesk.Line(item, java.math.BigDecimal.ONE)))).toString();
    }

    /** A part in the stockroom lent to a technician, and a pending claim for one with a photo. */
    private Service theirService(TestFixtures.Tenant theirs, UUID stockroom) {
        UUID item = stock.item(theirs, "THEIRS-PART", "pcs", java.math.BigDecimal.ZERO);
        TestFixtures.asUser(theirs.id(), theirs.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(stockroom, item, MovementType.RECEIPT,
                        java.math.BigDecimal.TEN, java.math.BigDecimal.ONE)))));
        UUID technician = fixtures.user(theirs, "tecnico@" + theirs.slug() + ".test", "technician");
        var loan = api.post(theirs.adminKey(), "/api/v1/service/technician-movements", Map.of("locationId", stockroom,
                "itemId", item, "technicianId", technician, "concept", "prestamo", "quantity", 1));
        assertThat(loan.status()).as(loan.body()).isEqualTo(201);
        var claim = api.post(theirs.adminKey(), "/api/v1/service/warranty-claims", Map.of("itemId", item,
                "quantity", 1, "locationId", stockroom, "failureReason", "theirs", "submit", true));
        assertThat(claim.status()).as(claim.body()).isEqualTo(201);
        String claimId = claim.json().get("id").asString();
        assertThat(Multipart.upload(api, theirs.adminKey(), "/api/v1/service/warranty-claims/" + claimId + "/photos",
                Map.of(), "theirs.gif", "GIF89a theirs").status()).isEqualTo(201);
        return new Service(loan.json().get("id").asString(), claimId);
    }

    /** A count at their stockroom, one line counted. */
    private String theirCount(TestFixtures.Tenant theirs, UUID location) {
        String count = api.post(theirs.adminKey(), "/api/v1/stock/counts", Map.of("locationId", location, "scope", "full"))
                .json().get("id").asString();
        assertThat(api.post(theirs.adminKey(), "/api/v1/stock/counts/" + count + "/entries",
                Map.of("code", "THEIRS-KARDEX", "quantity", 1)).status()).isEqualTo(200);
        return count;
    }

    /** A completed sale to a customer with one unit returned, on the store's default series. */
    private Sales theirSales(TestFixtures.Tenant theirs) {
        UUID store = stock.location(theirs, "Their store");
        UUID item = stock.item(theirs, "THEIRS-SOLD", "pcs", java.math.BigDecimal.ZERO);
        TestFixtures.asUser(theirs.id(), theirs.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(StockPostings.Line.in(store, item, MovementType.RECEIPT,
                        java.math.BigDecimal.TEN, java.math.BigDecimal.ONE)))));
        String cashSession = api.post(theirs.adminKey(), "/api/v1/cash-sessions", Map.of("locationId", store,
                "openingFloat", "5.00")).json().get("session").get("id").asString();
        String customer = api.post(theirs.adminKey(), "/api/v1/customers", Map.of("documentType", "CC",
                "documentNumber", "THEIRS", "firstName", "Theirs")).json().get("id").asString();
        var sale = api.post(theirs.adminKey(), "/api/v1/sales", Map.of("locationId", store, "customerId", customer,
                "complete", true, "lines", List.of(Map.of("itemId", item, "quantity", 2)),
                "payments", List.of(Map.of("method", "cash", "amount", "10.00")))).json();
        var returned = api.post(theirs.adminKey(), "/api/v1/sales/" + sale.get("id").asString() + "/returns",
                Map.of("reason", "theirs", "refundMethod", "cash", "lines", List.of(Map.of(
                        "saleLineId", sale.get("lines").get(0).get("id").asString(), "quantity", 1))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        var voidRequest = api.post(theirs.adminKey(), "/api/v1/sales/" + sale.get("id").asString() + "/void-requests",
                Map.of("reason", "theirs"));
        assertThat(voidRequest.status()).as(voidRequest.body()).isEqualTo(201);
        return new Sales(customer, sale.get("id").asString(), sale.get("seriesId").asString(),
                returned.json().get("id").asString(), voidRequest.json().get("id").asString(), cashSession);
    }

    /** A sent supplier order with one delivery of part of it. */
    private Purchasing theirPurchases(TestFixtures.Tenant theirs, String supplier, UUID location) {
        UUID item = stock.item(theirs, "THEIRS-BOUGHT", "pcs", java.math.BigDecimal.ZERO);
        var order = api.post(theirs.adminKey(), "/api/v1/purchasing/orders", Map.of("supplierId", supplier,
                "locationId", location, "lines", List.of(Map.of("itemId", item, "quantity", 5, "unitCost", "2.00"))));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        String orderId = order.json().get("id").asString();
        api.post(theirs.adminKey(), "/api/v1/purchasing/orders/" + orderId + "/send", null);
        var receipt = api.post(theirs.adminKey(), "/api/v1/purchasing/orders/" + orderId + "/receipts", Map.of("lines",
                List.of(Map.of("lineId", order.json().get("lines").get(0).get("id").asString(), "quantity", 1))));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        return new Purchasing(orderId, receipt.json().get("id").asString());
    }

    /** A vehicle model and an order of it, at level 1. */
    private Vehicles theirVehicles(TestFixtures.Tenant theirs) {
        String model = api.post(theirs.adminKey(), "/api/v1/vehicle-models", Map.of("name", "Their model"))
                .json().get("id").asString();
        var order = api.post(theirs.adminKey(), "/api/v1/vehicle-orders", Map.of("number", "THEIRS-1", "modelId", model));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return new Vehicles(model, order.json().get("id").asString());
    }

    /** A request from their stockroom to a workshop, and a cart line for that workshop. */
    private Requests theirRequests(TestFixtures.Tenant theirs, UUID stockroom, UUID item) {
        UUID workshop = stock.location(theirs, "Their workshop");
        var request = api.post(theirs.adminKey(), "/api/v1/transfer-requests", Map.of("originId", stockroom,
                "destinationId", workshop, "lines", List.of(Map.of("itemId", item, "quantity", 1))));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        var cart = api.post(theirs.adminKey(), "/api/v1/request-cart/items", Map.of("destinationId", workshop,
                "itemId", item, "quantity", 1));
        assertThat(cart.status()).as(cart.body()).isEqualTo(200);
        return new Requests(request.json().get("id").asString(), cart.json().get(0).get("id").asString());
    }

    /** The other tenant is as it was: its user, role, key and session all still work. */
    private void assertUntouched(TestFixtures.Tenant theirs, Foreign foreign, WebSession theirBrowser) {
        var user = api.get(theirs.adminKey(), "/api/v1/users/" + foreign.userId());
        assertThat(user.status()).isEqualTo(200);
        var vehicleOrder = api.get(theirs.adminKey(), "/api/v1/vehicle-orders/" + foreign.vehicles().orderId()).json();
        assertThat(vehicleOrder.get("level").asInt()).isEqualTo(1);
        assertThat(vehicleOrder.get("version").asLong()).isZero();
        assertThat(user.json().get("active").asBoolean()).isTrue();
        assertThat(user.json().get("name").asString()).isEqualTo("Theirs");
        assertThat(user.json().get("version").asLong()).isZero();
        assertThat(api.get(theirs.adminKey(), "/api/v1/roles/" + foreign.roleId()).json().get("version").asLong())
                .isZero();
        assertThat(api.get(theirs.adminKey(), "/api/v1/api-keys/" + foreign.apiKeyId()).json().get("revokedAt")).isNull();
        assertThat(theirBrowser.get("/").status()).isEqualTo(200);
        var sale = api.get(theirs.adminKey(), "/api/v1/sales/" + foreign.sales().saleId()).json();
        assertThat(sale.get("status").asString()).isEqualTo("completed");
        assertThat(new java.math.BigDecimal(sale.get("lines").get(0).get("returnedQuantity").asString()))
                .isEqualByComparingTo("1");
        assertThat(api.get(theirs.adminKey(), "/api/v1/customers/" + foreign.sales().customerId()).json()
                .get("version").asLong()).isZero();
        var location = api.get(theirs.adminKey(), "/api/v1/locations/" + foreign.locationId());
        assertThat(location.json().get("version").asLong()).isZero();
        assertThat(location.json().get("active").asBoolean()).isTrue();
        var level = api.get(theirs.adminKey(), "/api/v1/stock/levels?itemId=" + foreign.itemId()).json().get("items");
        assertThat(level).hasSize(1);
        assertThat(level.get(0).get("onHand").decimalValue()).isEqualByComparingTo("2");
        assertThat(level.get(0).has("bin")).isFalse();
        var item = api.get(theirs.adminKey(), "/api/v1/items/" + foreign.catalogItemId());
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().get("version").asLong()).isZero();
        var category = api.get(theirs.adminKey(), "/api/v1/categories/" + foreign.categoryId()).json();
        assertThat(category.get("version").asLong()).isZero();
        assertThat(category.get("active").asBoolean()).isTrue();
        assertThat(api.get(theirs.adminKey(), "/api/v1/suppliers/" + foreign.supplierId()).json().get("version").asLong())
                .isZero();
        assertThat(api.get(theirs.adminKey(), "/api/v1/items/import/" + foreign.itemImportJobId()).status()).isEqualTo(200);
        var order = api.get(theirs.adminKey(), "/api/v1/purchasing/orders/" + foreign.purchasing().orderId()).json();
        assertThat(order.get("status").asString()).isEqualTo("partially_received");
        var count = api.get(theirs.adminKey(), "/api/v1/stock/counts/" + foreign.countId()).json();
        assertThat(count.get("count").get("status").asString()).isEqualTo("counting");
        assertThat(count.get("count").get("totalItems").asInt()).isEqualTo(1);
        assertThat(order.get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("1");
        var request = api.get(theirs.adminKey(), "/api/v1/transfer-requests/" + foreign.requests().requestId()).json();
        assertThat(request.get("status").asString()).isEqualTo("PENDIENTE");
        assertThat(request.get("trace")).hasSize(1);
        assertThat(api.get(theirs.adminKey(), "/api/v1/request-cart").json()).hasSize(1);
        var loan = api.get(theirs.adminKey(), "/api/v1/service/technician-movements/" + foreign.service().movementId());
        assertThat(loan.json().get("outstanding").decimalValue()).isEqualByComparingTo("1");
        assertThat(loan.json().get("settled").asBoolean()).isFalse();
        var claim = api.get(theirs.adminKey(), "/api/v1/service/warranty-claims/" + foreign.service().claimId()).json();
        assertThat(claim.get("status").asString()).isEqualTo("PENDIENTE");
        assertThat(claim.get("photos")).hasSize(1);
    }

    private String newest(TestFixtures.Tenant tenant, String table, String column) throws Exception {
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            ResultSet rows = statement.executeQuery("SELECT " + column + " FROM " + table + " ORDER BY " + column
                    + " DESC LIMIT 1");
            assertThat(rows.next()).as("the other tenant has a row in " + table).isTrue();
            return rows.getString(1);
        }
    }
}
