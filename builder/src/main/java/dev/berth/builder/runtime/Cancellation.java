package dev.berth.builder.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A signal that a run should stop. Whoever owns the build keeps it and calls {@link #cancel()} (from any thread);
 * the runtime listens and kills the container. Cancelling is idempotent and cannot be undone; a listener added after
 * cancellation runs at once.
 */
public final class Cancellation {

    private final List<Runnable> listeners = new ArrayList<>();
    private boolean cancelled;

    /** A signal that never fires, for runs that nothing cancels. */
    public static Cancellation never() {
        return new Cancellation();
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Calls the listener once when cancelled (at once if already); returns a handle that removes it. */
    public Registration onCancel(Runnable listener) {
        synchronized (this) {
            if (!cancelled) {
                listeners.add(listener);
                return () -> remove(listener);
            }
        }
        listener.run();
        return () -> {};
    }

    private synchronized void remove(Runnable listener) {
        listeners.remove(listener);
    }

    /** A listener's registration; closing it stops the listener being called. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
