package dev.bodega.messaging.internal.whatsapp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theHmacOfTheRawBodyWithTheAppSecretMatches() {
        // HMAC-SHA256("app-secret", BODY) computed independently (openssl dgst -sha256 -hmac app-secret)
        String header = "sha256=d3e4f9da0ce6c71ab3dba55929b8eeeee2455349e534924ead19f98d143e904f";

        assertThat(WebhookSignature.matches("app-secret", BODY, header)).isTrue();
        assertThat(WebhookSignature.matches("app-secret", BODY, header.toUpperCase().replace("SHA256=", "sha256=")))
                .isTrue();
        assertThat(WebhookSignature.sign("app-secret", BODY)).isEqualTo(header);
    }

    @Test
    void anotherSecretAnotherBodyOrABrokenHeaderDoNotMatch() {
        String signed = WebhookSignature.sign("app-secret", BODY);
        byte[] reformatted = "{ \"object\": \"whatsapp_business_account\", \"entry\": [] }"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.matches("other-secret", BODY, signed)).isFalse();
        assertThat(WebhookSignature.matches("app-secret", reformatted, signed)).isFalse();
        assertThat(WebhookSignature.matches("app-secret", BODY, signed.replace("sha256=", "sha1="))).isFalse();
        assertThat(WebhookSignature.matches("app-secret", BODY, "sha256=not-hex")).isFalse();
        assertThat(WebhookSignature.matches("app-secret", BODY, null)).isFalse();
        assertThat(WebhookSignature.matches("", BODY, signed)).isFalse();
    }

    @Test
    void theHandshakeEchoesTheChallengeOnlyForOurTokenAndSubscribe() {
        assertThat(WebhookHandshake.challenge("subscribe", "ours", "1158201444", "ours"::equals)).contains("1158201444");
        assertThat(WebhookHandshake.challenge("subscribe", "theirs", "1158201444", "ours"::equals)).isEmpty();
        assertThat(WebhookHandshake.challenge("unsubscribe", "ours", "1158201444", "ours"::equals)).isEmpty();
        assertThat(WebhookHandshake.challenge("subscribe", "ours", null, "ours"::equals)).isEmpty();
    }
}
