package dev.bodega.messaging.internal.setup;

import dev.bodega.messaging.MessagingSetup;
import dev.bodega.messaging.internal.Agents;
import dev.bodega.messaging.internal.InboundMessage;
import dev.bodega.messaging.internal.Inbox;
import dev.bodega.messaging.internal.InboxSettings;
import dev.bodega.messaging.internal.Outgoing;
import dev.bodega.messaging.internal.channels.Channels;
import dev.bodega.messaging.internal.conversations.Conversations;
import dev.bodega.messaging.internal.scheduled.ScheduledMessages;
import dev.bodega.messaging.internal.templates.ResponseTemplates;
import dev.bodega.messaging.internal.templates.Tags;
import dev.bodega.messaging.internal.whatsapp.WhatsAppChannels;
import dev.bodega.platform.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link MessagingSetup} through the inbox's own services. */
@Service
class MessagingSetupService implements MessagingSetup {

    private final Channels channels;
    private final Agents agents;
    private final Tags tags;
    private final ResponseTemplates templates;
    private final InboxSettings settings;
    private final Inbox inbox;
    private final Outgoing outgoing;
    private final Conversations conversations;
    private final ScheduledMessages scheduled;
    private final WhatsAppChannels whatsApp;

    MessagingSetupService(Channels channels, Agents agents, Tags tags, ResponseTemplates templates,
                          InboxSettings settings, Inbox inbox, Outgoing outgoing, Conversations conversations,
                          ScheduledMessages scheduled, WhatsAppChannels whatsApp) {
        this.channels = channels;
        this.agents = agents;
        this.tags = tags;
        this.templates = templates;
        this.settings = settings;
        this.inbox = inbox;
        this.outgoing = outgoing;
        this.conversations = conversations;
        this.scheduled = scheduled;
        this.whatsApp = whatsApp;
    }

    @Override
    public UUID createWebChat(String name, String greeting) {
        return channels.createWebChat(new Channels.WebChatRequest(name, greeting)).id();
    }

    @Override
    public UUID createOfflineWhatsApp(String name, String displayPhoneNumber) {
        return whatsApp.createOffline(name, displayPhoneNumber).id();
    }

    @Override
    @Transactional
    public void addAgent(UUID userId, int capacity) {
        agents.save(TenantContext.tenantId(), userId, true, capacity);
    }

    @Override
    public UUID createTag(String name, String color) {
        return tags.create(new Tags.TagRequest(name, null, color, null, true)).id();
    }

    @Override
    public UUID createTemplate(String name, String shortcut, String content, List<String> keywords) {
        return templates.create(new ResponseTemplates.TemplateRequest(name, shortcut, content, null, keywords, 0, true,
                null, null)).id();
    }

    @Override
    @Transactional
    public void configure(boolean autoAssign, String awayMessage, String satisfactionQuestion) {
        InboxSettings.Settings current = settings.current();
        settings.save(TenantContext.tenantId(), new InboxSettings.Settings(autoAssign, current.businessHours(),
                awayMessage, satisfactionQuestion, current.version()), current.version());
    }

    @Override
    public UUID visitorWrites(UUID channelId, String visitorId, String name, String email, String text, Instant at) {
        return inbox.receive(new InboundMessage(TenantContext.tenantId(), channelId, "web_chat", visitorId, name, null,
                email, visitorId + ":" + UUID.randomUUID(), "text", text, null, Map.of(), null, at)).conversationId();
    }

    @Override
    public void reply(UUID conversationId, String text, boolean privateNote) {
        outgoing.send(TenantContext.tenantId(), new Outgoing.Reply(conversationId, "user",
                TenantContext.userId().orElse(null), text, "text", null, privateNote, false, null, List.of(), null));
    }

    @Override
    public void assign(UUID conversationId, UUID agentId) {
        conversations.assign(conversationId, agentId.toString());
    }

    @Override
    public void tag(UUID conversationId, UUID tagId) {
        conversations.tag(conversationId, tagId, true);
    }

    @Override
    public void changeStatus(UUID conversationId, String status) {
        conversations.changeStatus(conversationId, status);
    }

    @Override
    public void snooze(UUID conversationId, Instant until) {
        conversations.snooze(conversationId, until);
    }

    @Override
    public void schedule(UUID conversationId, String text, Instant at) {
        scheduled.schedule(new ScheduledMessages.ScheduleRequest(conversationId, text, at));
    }
}
