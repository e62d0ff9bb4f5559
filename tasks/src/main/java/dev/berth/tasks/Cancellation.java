package dev.berth.tasks;

import java.util.ArrayList;
import java.util.List;

/** Tells an executor that its run should stop: asked by the user, or out of time. */
public final class Cancellation {
    private final List<Runnable> listeners = new ArrayList<>();
    private volatile String reason;

    /** Whether the run should stop. */
    public boolean requested() {
        return reason != null;
    }

    /** Why it should stop, or null while it should not. */
    public String reason() {
        return reason;
    }

    /** Calls the action when the run should stop (at once, if it should already), for example to kill a process. */
    public synchronized void onCancel(Runnable action) {
        listeners.add(action);
        if (requested()) {
            action.run();
        }
    }

    synchronized void cancel(String why) {
        if (reason == null) {
            reason = why;
            listeners.forEach(Runnable::run);
        }
    }
}
