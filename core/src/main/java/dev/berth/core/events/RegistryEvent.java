package dev.berth.core.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change to a registry's content, as recorded in the outbox.
 *
 * @param sequence the position in the outbox, given by the store at commit; strictly increasing, never reused
 * @param id a unique id for consumers to deduplicate by, as deliveries are at least once
 * @param registryId the registry changed; registry ids are never reused
 * @param time when the change was committed, to the millisecond
 */
public record RegistryEvent(
        long sequence,
        UUID id,
        long registryId,
        Instant time,
        EventAction action,
        EventTarget target,
        EventRequest request,
        String actor) {
    public RegistryEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        actor = actor == null ? "" : actor;
    }
}
