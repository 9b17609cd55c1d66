package dev.bodega.messaging.internal.whatsapp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Meta signs every webhook POST with {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with
 * the app secret>}. The check runs on the bytes as received (re-serialized JSON would not match) and compares in
 * constant time, so the answer's timing tells an attacker nothing about the expected signature.
 */
final class WebhookSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    static boolean matches(String appSecret, byte[] rawBody, String header) {
        if (appSecret == null || appSecret.isEmpty() || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(appSecret, rawBody), given);
    }

    /** The header value Meta would send for this body (the demo simulator signs with it). */
    static String sign(String appSecret, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, rawBody));
    }

    private static byte[] hmac(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
