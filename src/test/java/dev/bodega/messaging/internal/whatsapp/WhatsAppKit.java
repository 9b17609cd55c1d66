package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.TestFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A company with a WhatsApp channel, and webhooks as Meta would send them to it. */
final class WhatsAppKit {

    static final String APP_SECRET = "app-secret";
    /** Phone number ids unique to each channel, so stubs and routes of different tests never meet. */
    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    record Channel(TestFixtures.Tenant tenant, UUID id, String phoneNumberId, String verifyToken) {
        String messagesPath() {
            return "/v23.0/" + phoneNumberId + "/messages";
        }
    }

    private final TestFixtures fixtures;
    private final Api api;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    WhatsAppKit(TestFixtures fixtures, Api api, JdbcClient jdbc, TransactionTemplate transactions) {
        this.fixtures = fixtures;
        this.api = api;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    Channel channel(String appSecret) {
        var tenant = fixtures.tenant();
        String number = String.valueOf(NUMBERS.incrementAndGet());
        Api.Response created = api.post(tenant.adminKey(), "/api/v1/messaging/whatsapp/channels", Map.of(
                "name", "Tienda", "phoneNumberId", number, "displayPhoneNumber", "+52 55 0000 0000",
                "accessToken", "EAAG-" + number, "appSecret", appSecret));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Channel(tenant, UUID.fromString(created.json().path("channel").path("id").asString()), number,
                created.json().path("verifyToken").asString());
    }

    static String text(String phoneNumberId, String from, String wamid, String text) {
        return value(phoneNumberId, """
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]"""
                .formatted(from, from, wamid, System.currentTimeMillis() / 1000, text));
    }

    static String status(String phoneNumberId, String wamid, String status) {
        return value(phoneNumberId, """
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"5215500000000"}]"""
                .formatted(wamid, status, System.currentTimeMillis() / 1000));
    }

    static String value(String phoneNumberId, String fields) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                %s}}]}]}""".formatted(phoneNumberId, fields);
    }

    Api.Response post(String body, String signature) {
        return api.send(null, "POST", "/webhooks/whatsapp", body,
                signature == null ? Map.of() : Map.of("X-Hub-Signature-256", signature));
    }

    /** Posts a webhook signed with the app secret, as Meta does; it must be accepted. */
    void deliver(String body) {
        Api.Response response = post(body, sign(APP_SECRET, body));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    static String sign(String secret, String body) {
        return WebhookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    <T> T sql(UUID tenant, Function<JdbcClient, T> query) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx -> query.apply(jdbc)));
    }

    long count(UUID tenant, String table) {
        return sql(tenant, j -> j.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }
}
