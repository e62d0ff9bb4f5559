package dev.berth.core.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells workers that an event was just committed, so they need not wait for their next poll. Only a hint: a
 * worker that misses it (another process wrote, or it was busy) still finds the event when it polls.
 */
public final class EventSignal {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    /** Wakes every listener; they must return at once. */
    public void committed() {
        listeners.forEach(Runnable::run);
    }
}
