package dev.bodega.messaging.internal.whatsapp;

import dev.bodega.messaging.internal.MessagingProblem;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.ProblemType;
import dev.bodega.platform.Problems;
import dev.bodega.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The URL given to Meta as the webhook of every WhatsApp channel: {@code GET} answers the verification handshake,
 * {@code POST} receives messages and statuses. No sign-in: the signature of the raw body is the proof.
 */
@RestController
@PublicEndpoint
@Hidden
class WhatsAppWebhookController {

    static final String PATH = "/webhooks/whatsapp";
    /** Meta's webhooks are small; anything larger is not one. */
    private static final int MAX_BODY = 1024 * 1024;

    private final WhatsAppWebhooks webhooks;

    WhatsAppWebhookController(WhatsAppWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping(PATH)
    ResponseEntity<String> handshake(@RequestParam(name = "hub.mode", required = false) String mode,
                                     @RequestParam(name = "hub.verify_token", required = false) String token,
                                     @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return webhooks.handshake(mode, token, challenge)
                .map(echo -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echo))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                        .body("Unknown verify token"));
    }

    @PostMapping(PATH)
    ResponseEntity<?> receive(HttpServletRequest request,
                              @RequestHeader(name = WebhookSignature.HEADER, required = false) String signature)
            throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return problem(PlatformProblem.PAYLOAD_TOO_LARGE, "A WhatsApp webhook is at most 1 MiB");
        }
        return switch (webhooks.receive(body, signature)) {
            case ACCEPTED -> ResponseEntity.ok().build();
            case MALFORMED -> problem(PlatformProblem.MALFORMED_BODY, "The body is not a WhatsApp webhook");
            case UNKNOWN_NUMBER -> problem(PlatformProblem.NOT_FOUND, "No channel has this phone number id");
            case BAD_SIGNATURE -> problem(MessagingProblem.WHATSAPP_SIGNATURE,
                    "X-Hub-Signature-256 does not match the body and the channel's app secret");
            case RATE_LIMITED -> problem(MessagingProblem.RATE_LIMITED, "Too many webhooks for this company; retry later");
        };
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.detail(type, type.status(), detail));
    }
}
