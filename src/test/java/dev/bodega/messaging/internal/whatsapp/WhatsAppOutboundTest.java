package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bodega.messaging.internal.MessageOutbox;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.Ids;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestClock;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Answers to WhatsApp contacts: the 24-hour window, the outbox against a failing Graph API, delivery ticks. */
@BodegaTest
class WhatsAppOutboundTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    WireMockServer graphApi;
    @Autowired
    Outgoing outgoing;
    @Autowired
    MessageOutbox outbox;
    @Autowired
    TestClock clock;

    WhatsAppKit kit;

    @BeforeEach
    void kit() {
        kit = new WhatsAppKit(fixtures, api, jdbc, transactions);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A customer wrote to the channel; returns the conversation. */
    UUID customerWrote(WhatsAppKit.Channel channel, String from) {
        kit.deliver(WhatsAppKit.text(channel.phoneNumberId(), from, "wamid.IN" + Ids.next(), "Hola"));
        return kit.sql(channel.tenant().id(), j -> j.sql("SELECT id FROM conversations").query(UUID.class).single());
    }

    <T> T asAdmin(WhatsAppKit.Channel channel, java.util.function.Supplier<T> work) {
        return TestFixtures.asUser(channel.tenant().id(), channel.tenant().adminId(), Set.of("*"), work);
    }

    Outgoing.Reply text(UUID conversation, WhatsAppKit.Channel channel, String content) {
        return Outgoing.Reply.text(conversation, channel.tenant().adminId(), content);
    }

    void stubAccepted(WhatsAppKit.Channel channel, String wamid) {
        graphApi.stubFor(post(channel.messagesPath()).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"1","wa_id":"1"}],"messages":[{"id":"%s"}]}"""
                .formatted(wamid))));
    }

    String status(WhatsAppKit.Channel channel, UUID message) {
        return kit.sql(channel.tenant().id(), j -> j.sql("SELECT status FROM messages WHERE id = :id")
                .param("id", message).query(String.class).single());
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
    }

    @Test
    void outsideTheTwentyFourHourWindowFreeTextIsRefusedAndAnApprovedTemplateGoesOut() throws Exception {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        UUID conversation = customerWrote(channel, "5215510000001");
        UUID template = Ids.next();
        kit.sql(channel.tenant().id(), j -> j.sql("""
                        INSERT INTO response_templates (tenant_id, id, name, shortcut, content, channel_template_name,
                                                        channel_template_language)
                        VALUES (:tenant, :id, 'Pedido listo', 'listo', 'Hola {{1}}, su pedido {{2}} está listo',
                                'order_ready', 'es_MX')""")
                .param("tenant", channel.tenant().id()).param("id", template).update());
        stubAccepted(channel, "wamid.TEMPLATE1");
        clock.reset();
        clock.advance(Duration.ofHours(25));

        assertThatThrownBy(() -> asAdmin(channel, () -> outgoing.send(channel.tenant().id(),
                text(conversation, channel, "¿Sigue interesado?"))))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getType())
                        .hasToString("https://bodega.dev/problems/whatsapp-window-closed"));
        assertThat(kit.count(channel.tenant().id(), "messages")).isEqualTo(1);

        var sent = asAdmin(channel, () -> outgoing.send(channel.tenant().id(), new Outgoing.Reply(conversation,
                "user", channel.tenant().adminId(), "Hola Ana, su pedido PED-42 está listo", "text", null, false,
                false, template, List.of("Ana", "PED-42"), null)));

        eventually(() -> "sent".equals(status(channel, sent.id())));
        graphApi.verify(1, postRequestedFor(urlEqualTo(channel.messagesPath())).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"5215510000001","type":"template",
                 "template":{"name":"order_ready","language":{"code":"es_MX"},
                  "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},
                                                             {"type":"text","text":"PED-42"}]}]}}""")));
    }

    @Test
    void withinTheWindowFreeTextGoesOut() throws Exception {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        UUID conversation = customerWrote(channel, "5215510000002");
        stubAccepted(channel, "wamid.TEXT1");

        var sent = asAdmin(channel, () -> outgoing.send(channel.tenant().id(), text(conversation, channel, "¡Claro!")));

        eventually(() -> "sent".equals(status(channel, sent.id())));
        graphApi.verify(1, postRequestedFor(urlEqualTo(channel.messagesPath())).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"5215510000002","type":"text",
                 "text":{"preview_url":false,"body":"¡Claro!"}}""")));
    }

    @Test
    void whenTheGraphApiAnswers500Then200ExactlyOneMessageGoesOut() throws Exception {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        UUID conversation = customerWrote(channel, "5215510000003");
        graphApi.stubFor(post(channel.messagesPath()).inScenario(channel.phoneNumberId())
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1}}")));
        graphApi.stubFor(post(channel.messagesPath()).inScenario(channel.phoneNumberId())
                .whenScenarioStateIs("recovered").willReturn(okJson("""
                        {"messaging_product":"whatsapp","messages":[{"id":"wamid.ONCE"}]}""")));

        var sent = asAdmin(channel, () -> outgoing.send(channel.tenant().id(), text(conversation, channel, "Un momento")));
        eventually(() -> graphApi.findAll(postRequestedFor(urlEqualTo(channel.messagesPath()))).size() == 1
                && lastError(channel, sent.id()) != null);
        assertThat(status(channel, sent.id())).isEqualTo("pending");

        // The backoff has passed.
        kit.sql(channel.tenant().id(), j -> j.sql("UPDATE message_outbox SET next_attempt_at = now() WHERE message_id = :id")
                .param("id", sent.id()).update());
        outbox.deliverDue();
        outbox.deliverDue();

        assertThat(status(channel, sent.id())).isEqualTo("sent");
        assertThat(graphApi.findAll(postRequestedFor(urlEqualTo(channel.messagesPath())))).hasSize(2);
        String externalId = kit.sql(channel.tenant().id(), j -> j.sql(
                "SELECT external_message_id FROM messages WHERE id = :id").param("id", sent.id()).query(String.class).single());
        assertThat(externalId).isEqualTo("wamid.ONCE");
    }

    @Test
    void statusesArrivingOutOfOrderLeaveTheMessageRead() throws Exception {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        UUID conversation = customerWrote(channel, "5215510000004");
        String wamid = "wamid.TICKS" + channel.phoneNumberId();
        stubAccepted(channel, wamid);
        var sent = asAdmin(channel, () -> outgoing.send(channel.tenant().id(), text(conversation, channel, "Listo")));
        eventually(() -> "sent".equals(status(channel, sent.id())));

        kit.deliver(WhatsAppKit.status(channel.phoneNumberId(), wamid, "read"));
        kit.deliver(WhatsAppKit.status(channel.phoneNumberId(), wamid, "delivered"));
        kit.deliver(WhatsAppKit.status(channel.phoneNumberId(), wamid, "sent"));

        assertThat(status(channel, sent.id())).isEqualTo("read");
    }

    private String lastError(WhatsAppKit.Channel channel, UUID message) {
        return kit.sql(channel.tenant().id(), j -> j.sql("SELECT last_error FROM message_outbox WHERE message_id = :id")
                .param("id", message).query(String.class).optional().orElse(null));
    }
}
