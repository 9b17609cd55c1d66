package dev.bodega.messaging.internal;

/**
 * The way out to one channel type: one Spring bean per type ({@code web_chat} here, {@code whatsapp} next to it).
 * Every agent reply, auto-reply and scheduled message goes through it: {@link Inbox} calls {@link #check} before it
 * stores the message, then {@link MessageOutbox} calls {@link #send} after the commit, and again with backoff when
 * it throws, up to {@link MessageOutbox#MAX_ATTEMPTS} tries (then the message is {@code failed}).
 */
public interface OutboundChannel {

    /** The channel type this bean serves: {@code whatsapp}, {@code web_chat}... */
    String type();

    /**
     * Refuses a message this channel cannot take now, before anything is stored: throw
     * {@code Problems.of(MessagingProblem.CHANNEL_REFUSED, "...")} (for example WhatsApp's free text outside the
     * 24-hour window). Runs in the sender's transaction; the default accepts everything.
     */
    default void check(OutboundMessage message) {
    }

    /**
     * Delivers the message. Returns the channel's id for it (WhatsApp {@code wamid...}), by which later status
     * updates find it ({@link Inbox#updateStatus}); or null when the channel has none. Throwing means "not sent,
     * try again later"; runs outside any transaction, with the message's company as the current tenant.
     */
    String send(OutboundMessage message) throws Exception;
}
