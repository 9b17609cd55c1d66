package dev.bodega.messaging.internal.whatsapp;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payloads as the Cloud API sends them (the messages webhook reference's examples, trimmed). */
class WebhookParserTest {

    private static String envelope(String value) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp",
                "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                %s},"field":"messages"}]}]}""".formatted(value);
    }

    private static Webhook.Inbound one(String message) {
        Webhook webhook = WebhookParser.parse(envelope("""
                "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
                "messages":[%s]""".formatted(message)).getBytes(StandardCharsets.UTF_8));
        assertThat(webhook.messages()).hasSize(1);
        assertThat(webhook.statuses()).isEmpty();
        return webhook.messages().get(0);
    }

    @Test
    void text() {
        var m = one("""
                {"from":"16505551234","id":"wamid.HBgLMTY1","timestamp":"1749416383","type":"text",
                 "text":{"body":"Does it come in another color?"}}""");

        assertThat(m.phoneNumberId()).isEqualTo("106540352242922");
        assertThat(m.from()).isEqualTo("16505551234");
        assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        assertThat(m.messageId()).isEqualTo("wamid.HBgLMTY1");
        assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1749416383));
        assertThat(m.kind()).isEqualTo(Webhook.Kind.TEXT);
        assertThat(m.text()).isEqualTo("Does it come in another color?");
        assertThat(m.quotedMessageId()).isNull();
    }

    @Test
    void imageWithCaptionAndAQuote() {
        var m = one("""
                {"from":"16505551234","id":"wamid.img","timestamp":"1749416383","type":"image",
                 "context":{"from":"15550783881","id":"wamid.ours"},
                 "image":{"caption":"This one","mime_type":"image/jpeg","sha256":"abc=","id":"1003383421387256"}}""");

        assertThat(m.kind()).isEqualTo(Webhook.Kind.IMAGE);
        assertThat(m.text()).isEqualTo("This one");
        assertThat(m.media()).isEqualTo(new Webhook.Media("1003383421387256", "image/jpeg", "abc=", null, false));
        assertThat(m.quotedMessageId()).isEqualTo("wamid.ours");
    }

    @Test
    void voiceNoteVideoAndDocument() {
        var audio = one("""
                {"from":"1","id":"a","timestamp":"1","type":"audio",
                 "audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"s","id":"m1","voice":true}}""");
        var video = one("""
                {"from":"1","id":"v","timestamp":"1","type":"video",
                 "video":{"mime_type":"video/mp4","sha256":"s","id":"m2"}}""");
        var document = one("""
                {"from":"1","id":"d","timestamp":"1","type":"document",
                 "document":{"caption":"Invoice","filename":"factura.pdf","mime_type":"application/pdf",
                             "sha256":"s","id":"m3"}}""");

        assertThat(audio.kind()).isEqualTo(Webhook.Kind.AUDIO);
        assertThat(audio.media().voice()).isTrue();
        assertThat(audio.media().mimeType()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(video.kind()).isEqualTo(Webhook.Kind.VIDEO);
        assertThat(video.media().id()).isEqualTo("m2");
        assertThat(document.kind()).isEqualTo(Webhook.Kind.DOCUMENT);
        assertThat(document.media().filename()).isEqualTo("factura.pdf");
        assertThat(document.text()).isEqualTo("Invoice");
    }

    @Test
    void location() {
        var m = one("""
                {"from":"1","id":"l","timestamp":"1","type":"location",
                 "location":{"address":"1 Hacker Way, Menlo Park, CA 94025","latitude":37.483307,
                             "longitude":-122.148981,"name":"Main Office"}}""");

        assertThat(m.kind()).isEqualTo(Webhook.Kind.LOCATION);
        assertThat(m.location()).isEqualTo(new Webhook.Location(new BigDecimal("37.483307"),
                new BigDecimal("-122.148981"), "Main Office", "1 Hacker Way, Menlo Park, CA 94025"));
        assertThat(m.text()).isEqualTo("Main Office");
    }

    @Test
    void buttonListAndTemplateQuickReplies() {
        var button = one("""
                {"from":"1","id":"b","timestamp":"1","type":"interactive","context":{"from":"2","id":"wamid.q"},
                 "interactive":{"type":"button_reply","button_reply":{"id":"confirm-42","title":"Confirm"}}}""");
        var list = one("""
                {"from":"1","id":"l","timestamp":"1","type":"interactive",
                 "interactive":{"type":"list_reply",
                                "list_reply":{"id":"store-2","title":"Centro","description":"Calle 1"}}}""");
        var quick = one("""
                {"from":"1","id":"q","timestamp":"1","type":"button",
                 "button":{"payload":"STOP","text":"Stop promotions"}}""");

        assertThat(button.kind()).isEqualTo(Webhook.Kind.INTERACTIVE);
        assertThat(button.reply()).isEqualTo(new Webhook.Reply("confirm-42", "Confirm"));
        assertThat(button.quotedMessageId()).isEqualTo("wamid.q");
        assertThat(list.reply()).isEqualTo(new Webhook.Reply("store-2", "Centro"));
        assertThat(quick.kind()).isEqualTo(Webhook.Kind.INTERACTIVE);
        assertThat(quick.reply()).isEqualTo(new Webhook.Reply("STOP", "Stop promotions"));
        assertThat(quick.text()).isEqualTo("Stop promotions");
    }

    @Test
    void anUnknownTypeIsKeptAsUnsupported() {
        var m = one("""
                {"from":"1","id":"u","timestamp":"1","type":"unsupported",
                 "errors":[{"code":131051,"title":"Message type unknown"}]}""");

        assertThat(m.kind()).isEqualTo(Webhook.Kind.UNSUPPORTED);
        assertThat(m.messageId()).isEqualTo("u");
    }

    @Test
    void statusesIncludingAFailureWithItsError() {
        Webhook webhook = WebhookParser.parse(envelope("""
                "statuses":[
                 {"id":"wamid.1","status":"delivered","timestamp":"1750263773","recipient_id":"16505551234",
                  "conversation":{"id":"c","origin":{"type":"service"}},
                  "pricing":{"billable":true,"pricing_model":"PMP","category":"service"}},
                 {"id":"wamid.2","status":"failed","timestamp":"1750263774","recipient_id":"16505551234",
                  "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                             "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]},
                 {"id":"wamid.3","status":"deleted","timestamp":"1750263775","recipient_id":"16505551234"}]"""
        ).getBytes(StandardCharsets.UTF_8));

        assertThat(webhook.messages()).isEmpty();
        assertThat(webhook.statuses()).hasSize(2);
        var delivered = webhook.statuses().get(0);
        assertThat(delivered.status()).isEqualTo(Webhook.Status.DELIVERED);
        assertThat(delivered.messageId()).isEqualTo("wamid.1");
        assertThat(delivered.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263773));
        assertThat(delivered.error()).isNull();
        var failed = webhook.statuses().get(1);
        assertThat(failed.status()).isEqualTo(Webhook.Status.FAILED);
        assertThat(failed.error().code()).isEqualTo(131047);
        assertThat(failed.error().title()).isEqualTo("Re-engagement message");
        assertThat(failed.error().message()).startsWith("Message failed to send because more than 24 hours");
    }

    @Test
    void theBusinessNumbersABodyNamesAreKnownBeforeItIsTrusted() {
        byte[] body = envelope("""
                "statuses":[{"id":"wamid.1","status":"sent","timestamp":"1","recipient_id":"1"}]""")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookParser.phoneNumberIds(WebhookParser.parse(body))).containsExactly("106540352242922");
    }

    @Test
    void aBodyThatIsNotAWhatsAppWebhookIsRefused() {
        assertThatThrownBy(() -> WebhookParser.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookParser.Malformed.class);
        assertThatThrownBy(() -> WebhookParser.parse("{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookParser.Malformed.class);
    }
}
