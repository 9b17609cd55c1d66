package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bodega.messaging.internal.ChannelRoutes;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.platform.Ids;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bodega.messaging.internal.whatsapp.WhatsAppOutboundTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent's file to WhatsApp through the media endpoint, and the demo's offline Graph API that ticks replies. */
@BodegaTest
class WhatsAppAttachmentsTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired WireMockServer graphApi;
    @Autowired Outgoing outgoing;
    @Autowired ChannelRoutes routes;
    @Autowired WhatsAppChannels channels;
    @Autowired ObjectProvider<WhatsAppWebhooks> webhooks;
    @Autowired Clock clock;

    WhatsAppKit kit;

    @BeforeEach
    void kit() {
        kit = new WhatsAppKit(fixtures, api, jdbc, transactions);
    }

    private UUID customerWrote(WhatsAppKit.Channel channel, String from) {
        kit.deliver(WhatsAppKit.text(channel.phoneNumberId(), from, "wamid.IN" + Ids.next(), "¿Me manda la cotización?"));
        return kit.sql(channel.tenant().id(), j -> j.sql("SELECT id FROM conversations").query(UUID.class).single());
    }

    private String status(WhatsAppKit.Channel channel, String column, UUID conversation) {
        return kit.sql(channel.tenant().id(), j -> j.sql("SELECT " + column + " FROM messages"
                        + " WHERE conversation_id = :c AND is_from_me").param("c", conversation)
                .query(String.class).single());
    }

    @Test
    void aFileAttachedInTheInboxIsUploadedToTheMediaEndpointAndSentByItsId() throws Exception {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        UUID conversation = customerWrote(channel, "5215520000001");
        String mediaPath = "/v23.0/" + channel.phoneNumberId() + "/media";
        graphApi.stubFor(post(mediaPath).willReturn(okJson("{\"id\":\"media-" + channel.phoneNumberId() + "\"}")));
        graphApi.stubFor(post(channel.messagesPath()).willReturn(okJson("""
                {"messaging_product":"whatsapp","messages":[{"id":"wamid.FILE%s"}]}""".formatted(channel.phoneNumberId()))));
        WebSession agent = WebSession.signedIn(api.baseUrl(), channel.tenant().slug(), channel.tenant().adminEmail(),
                TestFixtures.PASSWORD);
        agent.get("/inbox?c=" + conversation);

        assertThat(agent.postMultipart("/inbox/c/" + conversation + "/reply", Map.of("content", "Su cotización"),
                "cotizacion.csv", "filtro,12.50").status()).isEqualTo(302);

        eventually(() -> "sent".equals(status(channel, "status", conversation)));
        graphApi.verify(1, postRequestedFor(urlEqualTo(mediaPath)).withRequestBody(containing("filtro,12.50"))
                .withRequestBody(containing("messaging_product")).withHeader("Content-Type", containing("multipart/form-data")));
        graphApi.verify(1, postRequestedFor(urlEqualTo(channel.messagesPath())).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"5215520000001","type":"document",
                 "document":{"id":"media-%s","caption":"Su cotización","filename":"cotizacion.csv"}}"""
                .formatted(channel.phoneNumberId()))));
        assertThat(status(channel, "message_type", conversation)).isEqualTo("document");
    }

    @Test
    void theOfflineGraphApiTakesAReplyAndTicksItDeliveredThenReadThroughSignedWebhooks() throws Exception {
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        UUID conversation = customerWrote(channel, "5215520000002");
        String wamid = "wamid.OFFLINE-TEST" + channel.phoneNumberId();
        graphApi.stubFor(post(channel.messagesPath()).willReturn(okJson("""
                {"messaging_product":"whatsapp","messages":[{"id":"%s"}]}""".formatted(wamid))));
        TestFixtures.asUser(channel.tenant().id(), channel.tenant().adminId(), Set.of("*"), () -> outgoing.send(
                channel.tenant().id(), Outgoing.Reply.text(conversation, channel.tenant().adminId(), "Enseguida")));
        eventually(() -> "sent".equals(status(channel, "status", conversation)));
        OfflineGraphApi offline = new OfflineGraphApi(routes, channels, webhooks, clock, Duration.ofMillis(10));
        try {
            assertThat(offline.sendText(channel.phoneNumberId(), "token", "5215520000002", "hola", null))
                    .startsWith("wamid.OFFLINE");

            offline.confirm(channel.phoneNumberId(), wamid, "5215520000002", "delivered");
            assertThat(status(channel, "status", conversation)).isEqualTo("delivered");
            offline.confirm(channel.phoneNumberId(), wamid, "5215520000002", "read");
            assertThat(status(channel, "status", conversation)).isEqualTo("read");
        } finally {
            offline.close();
        }
    }

    @Test
    void onlyADemoWithNoGraphApiConfiguredUsesTheOfflineOne() {
        GraphApiConfiguration configuration = new GraphApiConfiguration();
        GraphApiClient demo = configuration.graphApiClient("", true, routes, channels, webhooks, clock);
        assertThat(demo).isInstanceOf(OfflineGraphApi.class);
        ((OfflineGraphApi) demo).close();
        assertThat(configuration.graphApiClient("", false, routes, channels, webhooks, clock).getClass())
                .isEqualTo(GraphApiClient.class);
        assertThat(configuration.graphApiClient("http://localhost:1/v23.0", true, routes, channels, webhooks, clock)
                .getClass()).isEqualTo(GraphApiClient.class);
    }
}
