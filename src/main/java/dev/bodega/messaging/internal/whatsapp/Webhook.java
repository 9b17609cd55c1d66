package dev.bodega.messaging.internal.whatsapp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What one webhook POST carries, grouped by the business phone number (phone_number_id) it was sent to. */
record Webhook(List<Inbound> messages, List<StatusUpdate> statuses) {

    enum Kind { TEXT, IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER, LOCATION, INTERACTIVE, UNSUPPORTED }

    /** A message from a customer's phone. {@code text} is the body, a caption, a reply's title or a place's name. */
    record Inbound(String phoneNumberId, String from, String profileName, String messageId, Instant timestamp,
                   Kind kind, String text, Media media, Location location, Reply reply, String quotedMessageId) {
    }

    /** A picture, voice note, video or file; its bytes are fetched through the media endpoint with its id. */
    record Media(String id, String mimeType, String sha256, String filename, boolean voice) {
    }

    record Location(BigDecimal latitude, BigDecimal longitude, String name, String address) {
    }

    /** The button or list row a customer chose; {@code id} is what our message set, {@code title} what they saw. */
    record Reply(String id, String title) {
    }

    enum Status { SENT, DELIVERED, READ, FAILED }

    /** What happened to a message we sent. */
    record StatusUpdate(String phoneNumberId, String messageId, Status status, Instant timestamp, String recipientId,
                        Error error) {
    }

    record Error(int code, String title, String message) {
    }
}
