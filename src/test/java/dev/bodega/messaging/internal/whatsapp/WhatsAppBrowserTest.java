package dev.bodega.messaging.internal.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.bodega.platform.Ids;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.BrowserTestBase;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's channels in Chromium: on WhatsApp a customer's message arrives live, the agent answers, the tick turns;
 * on web chat a visitor sends a picture from the widget, and a refused file is explained in the visitor's words.
 */
@BodegaTest
class WhatsAppBrowserTest extends BrowserTestBase {

    private static final LocatorAssertions.IsVisibleOptions LIVE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(20_000);

    @Autowired
    TestFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    WireMockServer graphApi;

    @Test
    void aSimulatedMessageAppearsLiveTheCannedAnswerReachesTheGraphApiAndTheDeliveredTickShows() throws Exception {
        WhatsAppKit kit = new WhatsAppKit(fixtures, api, jdbc, transactions);
        WhatsAppKit.Channel channel = kit.channel(WhatsAppKit.APP_SECRET);
        var tenant = channel.tenant();
        kit.sql(tenant.id(), j -> j.sql("""
                        INSERT INTO response_templates (tenant_id, id, name, shortcut, content, trigger_keywords)
                        VALUES (:tenant, :id, 'Gracias', 'gracias', 'Gracias por escribirnos, enseguida le atendemos',
                                ARRAY['horario'])""")
                .param("tenant", tenant.id()).param("id", Ids.next()).update());
        String wamid = "wamid.BROWSER" + channel.phoneNumberId();
        graphApi.stubFor(post(channel.messagesPath()).willReturn(okJson("""
                {"messaging_product":"whatsapp","messages":[{"id":"%s"}]}""".formatted(wamid))));
        signIn(tenant);
        page.navigate("/inbox");
        assertThat(page.locator("#inbox[data-live='on']")).isVisible(LIVE);

        kit.deliver(WhatsAppKit.text(channel.phoneNumberId(), "5215577777777", "wamid.FROMPHONE" + Ids.next(),
                "Hola, ¿tienen el filtro 123?"));

        Locator conversation = page.locator(".conversation-link").filter(new Locator.FilterOptions()
                .setHasText("Hola, ¿tienen el filtro 123?"));
        assertThat(conversation).isVisible(LIVE);
        conversation.click();
        // The opened conversation is a new page: its script listens (and the stream is on) before the agent types.
        assertThat(page.locator("#conversation")).isVisible(LIVE);
        assertThat(page.locator("#inbox[data-live='on']")).isVisible(LIVE);
        page.locator("#reply-content").pressSequentially("/grac");
        assertThat(page.locator(".canned-option")).isVisible(LIVE);
        page.locator("#reply-content").press("Enter");
        page.click("#reply-send");

        for (int i = 0; i < 150 && graphApi.findAll(postRequestedFor(urlEqualTo(channel.messagesPath()))).isEmpty(); i++) {
            Thread.sleep(100);
        }
        graphApi.verify(1, postRequestedFor(urlEqualTo(channel.messagesPath()))
                .withRequestBody(containing("Gracias por escribirnos, enseguida le atendemos")));
        // Sent (the wamid stored) shows live first; Meta's status webhooks come after its answer.
        assertThat(page.locator(".message.mine .tick.sent")).isVisible(LIVE);
        kit.deliver(WhatsAppKit.status(channel.phoneNumberId(), wamid, "delivered"));

        assertThat(page.locator(".message.mine .tick.delivered")).isVisible(LIVE);
        assertThat(page.locator(".message.mine .text")).hasText("Gracias por escribirnos, enseguida le atendemos");
    }

    @Test
    void aWebChatVisitorSendsAPictureAndARefusedFileIsExplainedInTheirWords() {
        var tenant = fixtures.tenant();
        String channel = api.post(tenant.adminKey(), "/api/v1/channels/web-chat", Map.of("name", "Tienda")).json()
                .get("id").asString();
        signIn(tenant);
        page.navigate("/inbox/settings/web-chat/" + channel + "/try");
        page.click("#bodega-webchat-open");
        Locator picker = page.locator("#bodega-webchat-file");

        // Declared a picture, but HTML: the widget lets it go, the server refuses it, the widget says why.
        picker.setInputFiles(new FilePayload("foto.png", "image/png",
                "<html><body>no</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#bodega-webchat-notice")).hasText(Pattern.compile("^(Solo imágenes|Only images) .*"),
                new LocatorAssertions.HasTextOptions().setTimeout(20_000));

        picker.setInputFiles(new FilePayload("filtro.png", "image/png",
                new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}));
        assertThat(page.locator("#bodega-webchat-messages .bwc-file")).hasText("\uD83D\uDCCE filtro.png",
                new LocatorAssertions.HasTextOptions().setTimeout(20_000));
    }

    private void signIn(TestFixtures.Tenant tenant) {
        page.navigate("/login");
        page.fill("#company", tenant.slug());
        page.fill("#email", tenant.adminEmail());
        page.fill("#password", TestFixtures.PASSWORD);
        page.click("#login-submit");
        assertThat(page.locator("#dashboard-title")).isVisible(LIVE);
    }
}
