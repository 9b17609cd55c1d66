package dev.bodega.messaging.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The inbox's live streams (Server-Sent Events). Each stream belongs to one company and one reader; an event reaches
 * only the streams of its company whose reader accepts it, and only after the change it describes committed.
 */
@Component
public class LiveEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** A stream, with what its reader may see (checked when it connected; a reconnect checks again). */
    record Stream(UUID tenantId, Predicate<LiveEvent> accepts, SseEmitter emitter) {
    }

    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();

    /** Opens a stream for a reader of {@code tenantId}. */
    public SseEmitter open(UUID tenantId, Predicate<LiveEvent> accepts) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Stream stream = new Stream(tenantId, accepts, emitter);
        streams.computeIfAbsent(tenantId, t -> ConcurrentHashMap.newKeySet()).add(stream);
        Runnable remove = () -> streams.getOrDefault(tenantId, Set.of()).remove(stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(stream, new LiveEvent(tenantId, "hello", null, null, null));
        return emitter;
    }

    /** Publishes after the current transaction commits (at once outside one). */
    public void publish(LiveEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deliver(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(event);
            }
        });
    }

    /**
     * Ends every stream when the server stops: an open stream is a request in progress, and a graceful shutdown
     * would otherwise wait its whole timeout for it (the reader reconnects to the next server).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        streams.values().forEach(open -> open.forEach(stream -> stream.emitter().complete()));
    }

    int openStreams(UUID tenantId) {
        return streams.getOrDefault(tenantId, Set.of()).size();
    }

    private void deliver(LiveEvent event) {
        for (Stream stream : streams.getOrDefault(event.tenantId(), Set.of())) {
            if (stream.tenantId().equals(event.tenantId()) && stream.accepts().test(event)) {
                send(stream, event);
            }
        }
    }

    private void send(Stream stream, LiveEvent event) {
        try {
            stream.emitter().send(SseEmitter.event().name(event.type()).data(event, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            log.debug("Live stream closed: {}", e.getMessage());
            streams.getOrDefault(stream.tenantId(), Set.of()).remove(stream);
        }
    }
}
