package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook URL as Meta calls it: handshake, signature, routing, storage, media. */
@BodegaTest
class WhatsAppWebhookTest {

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
    WhatsAppMedia media;

    WhatsAppKit kit;

    @BeforeEach
    void kit() {
        kit = new WhatsAppKit(fixtures, api, jdbc, transactions);
    }

    WhatsAppKit.Channel channel(String appSecret) {
        return kit.channel(appSecret);
    }

    Api.Response post(String body, String signature) {
        return kit.post(body, signature);
    }

    static String sign(String secret, String body) {
        return WhatsAppKit.sign(secret, body);
    }

    static String textWebhook(String phoneNumberId, String from, String wamid, String text) {
        return WhatsAppKit.text(phoneNumberId, from, wamid, text);
    }

    long count(UUID tenant, String table) {
        return kit.count(tenant, table);
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyToAChannelsVerifyToken() {
        WhatsAppKit.Channel setup = channel("app-secret");

        Api.Response ok = api.get(null, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token="
                + setup.verifyToken() + "&hub.challenge=1158201444");
        Api.Response wrong = api.get(null, "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess"
                + "&hub.challenge=1158201444");

        assertThat(setup.verifyToken()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.status()).isEqualTo(403);
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsStored() {
        WhatsAppKit.Channel setup = channel("app-secret");
        String body = textWebhook(setup.phoneNumberId(), "5215511111111", "wamid.BAD1", "hola");

        Api.Response forged = post(body, sign("not-the-app-secret", body));
        Api.Response unsigned = post(body, null);
        Api.Response tampered = post(body.replace("hola", "adios"), sign("app-secret", body));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().path("type").asString()).isEqualTo("https://bodega.dev/problems/whatsapp-signature");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(count(setup.tenant().id(), "messages")).isZero();
        assertThat(count(setup.tenant().id(), "contacts")).isZero();
        assertThat(count(setup.tenant().id(), "conversations")).isZero();
    }

    @Test
    void aWebhookDeliveredTwiceStoresOneMessage() {
        WhatsAppKit.Channel setup = channel("app-secret");
        String body = textWebhook(setup.phoneNumberId(), "5215522222222", "wamid.TWICE", "¿Tienen filtros?");

        Api.Response first = post(body, sign("app-secret", body));
        Api.Response second = post(body, sign("app-secret", body));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(count(setup.tenant().id(), "messages")).isEqualTo(1);
        String stored = TenantContext.callAs(TenantContext.Scope.system(setup.tenant().id()), () ->
                transactions.execute(tx -> jdbc.sql("SELECT content FROM messages").query(String.class).single()));
        assertThat(stored).isEqualTo("¿Tienen filtros?");
    }

    @Test
    void aNumberNoChannelHasIsNotFoundAndStoresNothing() {
        WhatsAppKit.Channel setup = channel("app-secret");
        String body = textWebhook("999" + setup.phoneNumberId(), "5215533333333", "wamid.NOBODY", "hola");

        Api.Response response = post(body, sign("app-secret", body));

        assertThat(response.status()).isEqualTo(404);
        assertThat(count(setup.tenant().id(), "messages")).isZero();
    }

    @Test
    void theChannelsSecretsAreStoredEncrypted() {
        WhatsAppKit.Channel setup = channel("app-secret-in-clear");

        byte[] stored = TenantContext.callAs(TenantContext.Scope.system(setup.tenant().id()), () ->
                transactions.execute(tx -> jdbc.sql("SELECT credentials FROM integrations WHERE id = :id")
                        .param("id", setup.id()).query(byte[].class).single()));

        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("app-secret-in-clear").doesNotContain("EAAG-" + setup.phoneNumberId());
        Api.Response listed = api.get(setup.tenant().adminKey(), "/api/v1/messaging/whatsapp/channels");
        assertThat(listed.body()).contains(setup.phoneNumberId()).doesNotContain("app-secret-in-clear")
                .doesNotContain("EAAG-");
    }

    @Test
    void aPictureIsFetchedThroughTheMediaEndpointAndKept() throws Exception {
        WhatsAppKit.Channel setup = channel("app-secret");
        String mediaId = "media" + setup.phoneNumberId();
        byte[] jpeg = ("jpeg bytes of " + mediaId).getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
        graphApi.stubFor(get("/v23.0/" + mediaId).willReturn(okJson("""
                {"messaging_product":"whatsapp","url":"%s/lookaside/%s","mime_type":"image/jpeg","sha256":"%s",
                 "file_size":"%d","id":"%s"}""".formatted(graphApi.baseUrl(), mediaId, sha, jpeg.length, mediaId))));
        graphApi.stubFor(get("/lookaside/" + mediaId).willReturn(aResponse()
                .withHeader("Content-Type", "image/jpeg").withBody(jpeg)));
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"1","phone_number_id":"%s"},
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"5215544444444"}],
                "messages":[{"from":"5215544444444","id":"wamid.PIC","timestamp":"1760000000","type":"image",
                  "image":{"caption":"Esta pieza","mime_type":"image/jpeg","sha256":"%s","id":"%s"}}]}}]}]}"""
                .formatted(setup.phoneNumberId(), sha, mediaId);

        assertThat(post(body, sign("app-secret", body)).status()).isEqualTo(200);
        String url = TenantContext.callAs(TenantContext.Scope.system(setup.tenant().id()), () ->
                transactions.execute(tx -> jdbc.sql("SELECT media_url FROM messages WHERE message_type = 'image'")
                        .query(String.class).single()));
        WebSession admin = WebSession.signedIn(api.baseUrl(), setup.tenant().slug(), setup.tenant().adminEmail(),
                TestFixtures.PASSWORD);
        media.fetchDue(); // or the scheduled worker got there first: wait for whichever holds the file
        WebSession.Page picture = admin.get(url);
        for (int i = 0; i < 100 && picture.status() == 404; i++) {
            Thread.sleep(100);
            picture = admin.get(url);
        }

        assertThat(picture.status()).isEqualTo(200);
        assertThat(picture.header("content-type")).startsWith("image/jpeg");
        assertThat(picture.body()).isEqualTo("jpeg bytes of " + mediaId);
        var other = fixtures.tenant();
        WebSession stranger = WebSession.signedIn(api.baseUrl(), other.slug(), other.adminEmail(), TestFixtures.PASSWORD);
        assertThat(stranger.get(url).status()).isEqualTo(404);
    }
}
