package dev.bodega.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The inbox set up by another module (the demo company), through the services behind the API, as the current user
 * of the current company.
 */
public interface MessagingSetup {

    /** A web chat channel; returns its id. */
    UUID createWebChat(String name, String greeting);

    /**
     * A WhatsApp channel that needs no network (a demo's): Bodega's offline Graph API takes its replies and ticks
     * them delivered and read as a phone would, and the simulator page writes to it as a customer; returns its id.
     */
    UUID createOfflineWhatsApp(String name, String displayPhoneNumber);

    /** Puts an agent in automatic assignment. */
    void addAgent(UUID userId, int capacity);

    UUID createTag(String name, String color);

    /** A canned answer ({@code /shortcut}); with keywords also an auto-reply. */
    UUID createTemplate(String name, String shortcut, String content, List<String> keywords);

    void configure(boolean autoAssign, String awayMessage, String satisfactionQuestion);

    /** A web chat visitor's message sent at {@code at}; returns the conversation. */
    UUID visitorWrites(UUID channelId, String visitorId, String name, String email, String text, Instant at);

    void reply(UUID conversationId, String text, boolean privateNote);

    void assign(UUID conversationId, UUID agentId);

    void tag(UUID conversationId, UUID tagId);

    /** {@code status}: active, pending, resolved or closed. */
    void changeStatus(UUID conversationId, String status);

    void snooze(UUID conversationId, Instant until);

    void schedule(UUID conversationId, String text, Instant at);
}
