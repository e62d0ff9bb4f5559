package dev.berth.core.events;

import java.util.Objects;

/**
 * Who made a change and through which request, recorded in the change's event. The HTTP layer binds one to
 * {@link #CURRENT} for the duration of a request; the domain services read it with {@link #current()} and pass it
 * explicitly to the metadata store, which writes it into the event in the same transaction as the change.
 *
 * @param actor the name of the user, token or service principal; empty for anonymous or Berth itself
 */
public record RequestContext(EventRequest request, String actor) {
    /** A change made with no request, by Berth itself or a test. */
    public static final RequestContext SYSTEM = new RequestContext(EventRequest.NONE, "");

    /** The context of the request being served on this thread, if the HTTP layer bound one. */
    public static final ScopedValue<RequestContext> CURRENT = ScopedValue.newInstance();

    public RequestContext {
        Objects.requireNonNull(request, "request");
        actor = actor == null ? "" : actor;
    }

    /** The bound context, or {@link #SYSTEM} when none is. */
    public static RequestContext current() {
        return CURRENT.orElse(SYSTEM);
    }
}
