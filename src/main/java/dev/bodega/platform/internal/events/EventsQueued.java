package dev.bodega.platform.internal.events;

import java.util.UUID;

/** Told, inside the recording transaction, that a company's events were queued for its webhook endpoints. */
public interface EventsQueued {

    void queued(UUID tenant);
}
