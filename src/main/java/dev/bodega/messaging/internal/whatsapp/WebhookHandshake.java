package dev.bodega.messaging.internal.whatsapp;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The verification request Meta sends when a webhook URL is set up: {@code GET ?hub.mode=subscribe
 * &hub.verify_token=<the token typed into the app dashboard>&hub.challenge=<n>}; the answer must be the challenge,
 * as plain text, and only when the token is one of ours.
 */
final class WebhookHandshake {

    private WebhookHandshake() {
    }

    static Optional<String> challenge(String mode, String verifyToken, String challenge, Predicate<String> ourToken) {
        if (!"subscribe".equals(mode) || verifyToken == null || verifyToken.isEmpty() || challenge == null
                || challenge.isEmpty() || !ourToken.test(verifyToken)) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }
}
