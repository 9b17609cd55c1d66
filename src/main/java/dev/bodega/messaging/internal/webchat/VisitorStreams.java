package dev.bodega.messaging.internal.webchat;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Web chat visitors' open pages (Server-Sent Events), by company and visitor: told when a message for them is out. */
@Component
class VisitorStreams {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    record Key(UUID tenantId, String visitorId) {
    }

    private final Map<Key, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

    SseEmitter open(UUID tenantId, String visitorId) {
        Key key = new Key(tenantId, visitorId);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> streams.getOrDefault(key, Set.of()).remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        return emitter;
    }

    void push(UUID tenantId, String visitorId, UUID messageId) {
        Key key = new Key(tenantId, visitorId);
        for (SseEmitter emitter : streams.getOrDefault(key, Set.of())) {
            try {
                emitter.send(SseEmitter.event().name("message").data(String.valueOf(messageId)));
            } catch (IOException | IllegalStateException e) {
                streams.getOrDefault(key, Set.of()).remove(emitter);
            }
        }
    }

    /** Ends every stream when the server stops, so that a graceful shutdown does not wait for them (see LiveEvents). */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(open -> open.forEach(SseEmitter::complete));
    }
}
